using System.Text.Json;
using SociaalDomein.Delivery.Alerts;

namespace SociaalDomein.Delivery.Webhooks;

/// <summary>The JSON body of a webhook call (schema "sd.alert-delivery/1"): which subscription, and the alert.</summary>
public sealed record WebhookPayload(string Schema, string Subscription, AlertDocument Alert)
{
    public const string SchemaVersion = "sd.alert-delivery/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The body for <paramref name="subscriptionId"/>: the same bytes on every attempt, so a receiver can dedupe on them.</summary>
    public static byte[] Create(string subscriptionId, AlertDocument alert) =>
        JsonSerializer.SerializeToUtf8Bytes(new WebhookPayload(SchemaVersion, subscriptionId, BsnGuard.Redact(alert)), Json);

    public static WebhookPayload? Parse(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<WebhookPayload>(json, Json);
}
