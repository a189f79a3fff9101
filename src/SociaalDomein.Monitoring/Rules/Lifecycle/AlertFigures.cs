namespace SociaalDomein.Monitoring.Rules.Lifecycle;

/// <summary>The figures behind an alert: the measured value and the limit it is held against. A change of figures updates an active alert.</summary>
/// <param name="Actual">e.g. declared eurocent, projected eurocent, declared minutes, lines without allocation, overdue working days.</param>
/// <param name="Limit">e.g. the ceiling, the allowed pace, the allocated minutes, the deadline as yyyymmdd.</param>
/// <param name="Unit">"cent", an Eenheid code, "lines", "working-days", ...</param>
/// <param name="Basis">How the figures were made, e.g. the forecast method or the rule code.</param>
[GenerateSerializer, Immutable]
public sealed record AlertFigures(
    [property: Id(0)] long Actual,
    [property: Id(1)] long Limit,
    [property: Id(2)] string Unit,
    [property: Id(3)] string? Basis = null);
