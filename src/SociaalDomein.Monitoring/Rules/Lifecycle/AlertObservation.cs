namespace SociaalDomein.Monitoring.Rules.Lifecycle;

/// <summary>One evaluation of an alert's condition: whether it holds now, and the figures as they are now.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertObservation(
    [property: Id(0)] AlertSubject Subject,
    [property: Id(1)] bool Holds,
    [property: Id(2)] AlertFigures Figures,
    [property: Id(3)] string Severity);
