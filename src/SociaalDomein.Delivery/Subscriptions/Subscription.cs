using SociaalDomein.Delivery.Alerts;

namespace SociaalDomein.Delivery.Subscriptions;

/// <summary>
/// A contract manager's wish to hear about alerts: which ones (an empty list means all) and where to (webhook, e-mail,
/// or both).
/// </summary>
/// <param name="Id">Chosen by the admin: lowercase letters, digits and '-', e.g. "rob-nijmegen-jeugd".</param>
/// <param name="OwnerKeyId">The contract manager's API key id that may read this subscription; null: admins only.</param>
/// <param name="Municipalities">CBS gemeentecodes; empty: every municipality.</param>
/// <param name="Providers">AGB codes; empty: every provider.</param>
/// <param name="Kinds">Alert kinds (e.g. CeilingThreshold); empty: every kind.</param>
/// <param name="MinSeverity">The lowest severity delivered: info, warning or critical.</param>
/// <param name="WebhookSecret">Signs webhook calls; never shown by the API.</param>
public sealed record Subscription(
    string Id,
    string Name,
    string? OwnerKeyId,
    IReadOnlyList<string> Municipalities,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Kinds,
    string MinSeverity,
    string? WebhookUrl,
    string? WebhookSecret,
    string? Email,
    bool Active)
{
    /// <summary>True when this subscription wants <paramref name="alert"/>: active, and every filter it sets lets the alert through.</summary>
    public bool Matches(AlertDocument alert) =>
        Active
        && (Municipalities.Count == 0 || Municipalities.Contains(alert.Municipality, StringComparer.Ordinal))
        && (Providers.Count == 0 || Providers.Contains(alert.Provider, StringComparer.Ordinal))
        && (Kinds.Count == 0 || Kinds.Contains(alert.Kind, StringComparer.OrdinalIgnoreCase))
        && Severities.Rank(alert.Severity) >= Severities.Rank(MinSeverity);

    /// <summary>The channels this subscription delivers by.</summary>
    public IReadOnlyList<DeliveryChannel> Channels =>
        [.. WebhookUrl is null ? [] : new[] { DeliveryChannel.Webhook }, .. Email is null ? [] : new[] { DeliveryChannel.Email }];
}

/// <summary>How an alert reaches a subscriber; the names are the <c>channel</c> values of the delivery log.</summary>
public enum DeliveryChannel
{
    Webhook,
    Email,
}

/// <summary>Alert severities in order, for a subscription's lowest severity.</summary>
public static class Severities
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";

    public static IReadOnlyList<string> All { get; } = [Info, Warning, Critical];

    /// <summary>0 info, 1 warning, 2 critical; an unknown severity ranks highest, so a new, louder severity is never swallowed.</summary>
    public static int Rank(string severity)
    {
        var index = All.IndexOf(severity.ToLowerInvariant());
        return index < 0 ? All.Count : index;
    }

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return -1;
    }
}
