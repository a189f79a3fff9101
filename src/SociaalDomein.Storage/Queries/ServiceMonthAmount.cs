namespace SociaalDomein.Storage.Queries;

/// <summary>Part of a day's amount that concerns one service month (the month of the lines' ProductPeriode).</summary>
/// <param name="Month">First day of the service month.</param>
public sealed record ServiceMonthAmount(DateOnly Month, long AmountCents, long LineCount);
