namespace SociaalDomein.Storage.Queries;

/// <summary>The running total declared up to and including a day (Dagtekening) of a budget year.</summary>
public sealed record CumulativePoint(DateOnly Date, long DeclaredCents, long CumulativeCents);
