using SociaalDomein.Delivery.Subscriptions;

namespace SociaalDomein.Delivery.Log;

/// <summary>What is delivered at most once: one revision of one alert to one subscription by one channel.</summary>
public sealed record DeliveryKey(string SubscriptionId, string AlertId, int Revision, DeliveryChannel Channel)
{
    /// <summary>The <c>channel</c> value in the delivery log.</summary>
    public string ChannelName => Channel.ToString().ToLowerInvariant();

    public override string ToString() => $"{SubscriptionId}/{AlertId}/r{Revision}/{ChannelName}";
}
