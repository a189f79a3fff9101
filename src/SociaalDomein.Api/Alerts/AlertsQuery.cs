namespace SociaalDomein.Api.Alerts;

/// <summary>Query string of the alert list; every value is optional.</summary>
/// <param name="Status">open (the condition holds and nobody acknowledged it) or resolved (the condition no longer holds, or a contract manager acknowledged it).</param>
/// <param name="Municipality">4-digit CBS gemeentecode.</param>
/// <param name="Provider">8-digit AGB code.</param>
/// <param name="Year">Budget year.</param>
/// <param name="Severity">info, warning or critical.</param>
/// <param name="Limit">Page size 1–1000, default 100.</param>
/// <param name="Offset">Rows to skip, default 0.</param>
public sealed record AlertsQuery(string? Status, string? Municipality, string? Provider, string? Year, string? Severity, string? Limit, string? Offset);
