namespace SociaalDomein.Api.Subscriptions;

/// <summary>A subscription to create (POST, with <paramref name="Id"/>) or its new settings (PUT, id from the path).</summary>
/// <param name="Id">Lowercase letters, digits and '-', at most 63 characters, e.g. "rob-nijmegen-jeugd".</param>
/// <param name="Name">What a person calls it, at most 200 characters.</param>
/// <param name="Owner">The API key id (Api:Keys:{id}) of the contract manager who may read it; its municipalities must lie within that key's.</param>
/// <param name="Municipalities">4-digit CBS codes; empty or left out: every municipality (not allowed with an owner).</param>
/// <param name="Providers">8-digit AGB codes; empty or left out: every provider.</param>
/// <param name="Kinds">Alert kinds (CeilingThreshold, Pacing, Forecast, OverDeclaration, DeclarationWithoutAllocation, LeadTime); empty: all.</param>
/// <param name="MinSeverity">info (default), warning or critical: the lowest severity delivered.</param>
/// <param name="WebhookUrl">https URL that receives a signed POST per alert (http only to 127.0.0.1/localhost).</param>
/// <param name="WebhookSecret">Shared secret for the signature, 24 to 200 characters; on PUT leave it out to keep the stored one.</param>
/// <param name="Email">Address that receives a plain-text mail per alert.</param>
/// <param name="Active">false stops delivery; default true.</param>
public sealed record SubscriptionRequest(
    string? Id,
    string? Name,
    string? Owner,
    string[]? Municipalities,
    string[]? Providers,
    string[]? Kinds,
    string? MinSeverity,
    string? WebhookUrl,
    string? WebhookSecret,
    string? Email,
    bool? Active);

/// <summary>A subscription as the API shows it: everything but the webhook secret.</summary>
/// <param name="HasWebhookSecret">Whether a secret is stored for the webhook (the secret itself is never shown).</param>
public sealed record SubscriptionView(
    string Id,
    string Name,
    string? Owner,
    IReadOnlyList<string> Municipalities,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Kinds,
    string MinSeverity,
    string? WebhookUrl,
    bool HasWebhookSecret,
    string? Email,
    bool Active)
{
    public static SubscriptionView From(Delivery.Subscriptions.Subscription s) =>
        new(s.Id, s.Name, s.OwnerKeyId, s.Municipalities, s.Providers, s.Kinds, s.MinSeverity, s.WebhookUrl, s.WebhookSecret is not null, s.Email, s.Active);
}
