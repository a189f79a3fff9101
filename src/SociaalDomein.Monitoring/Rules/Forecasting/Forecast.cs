namespace SociaalDomein.Monitoring.Rules.Forecasting;

/// <summary>A projected year-end spend with the method and the figures that produced it.</summary>
/// <param name="ProjectedCents">= <paramref name="DeclaredCents"/> + <paramref name="BegunMonthsCents"/> + <paramref name="FutureMonthsCents"/>.</param>
/// <param name="DeclaredCents">Declared so far for service months of the year (debits − credits).</param>
/// <param name="CompleteMonths">Service months 1..n of the year counted as fully declared (their declaration window has passed).</param>
/// <param name="RunRateCents">Declared in the complete months / their number, rounded half away from zero; 0 without complete months.</param>
/// <param name="BegunMonths">Months after the complete ones that have begun by the as-of day: care delivered, not (fully) declared.</param>
/// <param name="BegunMonthsCents">What those months add on top of what is already declared for them.</param>
/// <param name="FutureMonths">Months of the year after the as-of month, each projected at the run rate.</param>
/// <param name="AllocationsValued">Active allocations in the begun months that could be priced.</param>
/// <param name="AllocationsWithoutValue">Active allocations in the begun months without a price (no tariff, or no Einddatum for a total or budget).</param>
/// <param name="Note">Why the method fell back, when it did.</param>
[GenerateSerializer, Immutable]
public sealed record Forecast(
    [property: Id(0)] int Year,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] ForecastMethod Method,
    [property: Id(3)] long ProjectedCents,
    [property: Id(4)] long DeclaredCents,
    [property: Id(5)] int CompleteMonths,
    [property: Id(6)] long RunRateCents,
    [property: Id(7)] IReadOnlyList<int> BegunMonths,
    [property: Id(8)] long BegunMonthsCents,
    [property: Id(9)] int FutureMonths,
    [property: Id(10)] long FutureMonthsCents,
    [property: Id(11)] int AllocationsValued,
    [property: Id(12)] int AllocationsWithoutValue,
    [property: Id(13)] string? Note)
{
    /// <summary>The Forecast alert's condition: the projection is above the ceiling.</summary>
    public bool Exceeds(long ceilingCents) => ProjectedCents > ceilingCents;
}
