namespace SociaalDomein.Monitoring.Alerts;

/// <summary>
/// A signal for a contract manager. Never carries a BSN or anything about a single client.
/// </summary>
/// <param name="Id">Stable: the same facts always produce the same id, so a replay raises nothing new.</param>
/// <param name="Kind">e.g. "CeilingThreshold".</param>
/// <param name="Severity">"info", "warning" or "critical".</param>
/// <param name="ProductCategorie">null when the alert concerns all categories.</param>
/// <param name="ThresholdPercent">For threshold alerts: the percentage of the ceiling that was crossed.</param>
/// <param name="TriggeringMessageId">The message whose lines made the total cross the threshold.</param>
[GenerateSerializer, Immutable]
public sealed record Alert(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Severity,
    [property: Id(3)] string MunicipalityCode,
    [property: Id(4)] string ProviderAgb,
    [property: Id(5)] int Year,
    [property: Id(6)] string? ProductCategorie,
    [property: Id(7)] int? ThresholdPercent,
    [property: Id(8)] long DeclaredCents,
    [property: Id(9)] long? CeilingCents,
    [property: Id(10)] string? TriggeringMessageId,
    [property: Id(11)] string Description,
    [property: Id(12)] DateTimeOffset RaisedAt);
