using SociaalDomein.Monitoring.Rules.Lifecycle;

namespace SociaalDomein.Monitoring.Alerts;

/// <summary>
/// One change of an alert for a contract manager (raised, updated, resolved). Never carries a BSN or anything about a
/// single client.
/// </summary>
/// <param name="Id">Stable: the same facts always produce the same id, so a replay raises nothing new.</param>
/// <param name="Kind">An <see cref="AlertKinds"/> name, e.g. "CeilingThreshold".</param>
/// <param name="Severity">"info", "warning" or "critical".</param>
/// <param name="MunicipalityCode">A CBS municipality code, or a region id for a region-wide ceiling.</param>
/// <param name="ProductCategorie">null when the alert concerns all categories.</param>
/// <param name="ThresholdPercent">For threshold alerts: the percentage of the ceiling that was crossed.</param>
/// <param name="DeclaredCents">For the money kinds (threshold, pacing, forecast): the declared or projected eurocent; else 0.</param>
/// <param name="CeilingCents">For the money kinds: the ceiling (or the allowed pace) it is held against.</param>
/// <param name="TriggeringMessageId">The message whose facts made this change, when one did (a new day can too).</param>
/// <param name="RaisedAt">When this change happened.</param>
/// <param name="Change">"raised", "updated" or "resolved".</param>
/// <param name="Revision">1 when raised, +1 with each later change of the same id: (Id, Revision) identifies the change.</param>
/// <param name="Figures">The figures behind the alert, in the kind's own unit.</param>
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
    [property: Id(12)] DateTimeOffset RaisedAt,
    [property: Id(13)] string Change = AlertChanges.Raised,
    [property: Id(14)] int Revision = 1,
    [property: Id(15)] AlertFigures? Figures = null)
{
    public bool IsResolved => Change == AlertChanges.Resolved;
}

/// <summary>The names of <see cref="AlertChange"/> as they appear in the store and on the alert topic.</summary>
public static class AlertChanges
{
    public const string Raised = "raised";
    public const string Updated = "updated";
    public const string Resolved = "resolved";

    public static string Name(AlertChange change) => change switch
    {
        AlertChange.Raised => Raised,
        AlertChange.Updated => Updated,
        AlertChange.Resolved => Resolved,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "unknown alert change"),
    };
}
