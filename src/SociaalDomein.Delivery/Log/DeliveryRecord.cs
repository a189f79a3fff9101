namespace SociaalDomein.Delivery.Log;

/// <summary>One row of the delivery log, as the API shows it.</summary>
/// <param name="Status">pending, delivered or failed (given up).</param>
/// <param name="LastError">Why the last attempt failed: an HTTP status or SMTP reply, never a payload.</param>
public sealed record DeliveryRecord(
    string SubscriptionId,
    string AlertId,
    int Revision,
    string Channel,
    string Change,
    string Status,
    int Attempts,
    DateTimeOffset? FirstAttemptAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? LastError);

/// <summary>The values of the delivery log's <c>status</c>.</summary>
public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
