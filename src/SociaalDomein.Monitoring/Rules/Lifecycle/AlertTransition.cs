namespace SociaalDomein.Monitoring.Rules.Lifecycle;

/// <summary>A change of one alert for the grain to store and publish.</summary>
/// <param name="Revision">1 for the raise, +1 per later change of the same alert id.</param>
/// <param name="Figures">The figures as observed now (for a resolution: the figures that no longer break the limit).</param>
[GenerateSerializer, Immutable]
public sealed record AlertTransition(
    [property: Id(0)] AlertChange Change,
    [property: Id(1)] string AlertId,
    [property: Id(2)] AlertSubject Subject,
    [property: Id(3)] int Occurrence,
    [property: Id(4)] AlertFigures Figures,
    [property: Id(5)] string Severity,
    [property: Id(6)] int Revision = 1);
