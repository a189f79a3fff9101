namespace SociaalDomein.Storage.Queries;

/// <summary>Declared cost of one day over everything a filter selected.</summary>
public sealed record DailyTotal(DateOnly Date, long AmountCents, long LineCount);
