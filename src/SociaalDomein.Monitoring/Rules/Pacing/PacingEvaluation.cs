namespace SociaalDomein.Monitoring.Rules.Pacing;

/// <summary>The pacing rule's figures for one ceiling on one day.</summary>
/// <param name="ElapsedDays">Days of the year up to and including the as-of day (0 before the year, all after it).</param>
/// <param name="ExpectedCents">The elapsed share of the ceiling, rounded down: ceiling × elapsed / days in year.</param>
/// <param name="AllowedCents">The expected spend × the tolerance, rounded down: the most that is not yet ahead of pace.</param>
/// <param name="Holds">True when the declared spend is above the exact allowed amount (equivalently: above <paramref name="AllowedCents"/>).</param>
[GenerateSerializer, Immutable]
public sealed record PacingEvaluation(
    [property: Id(0)] int Year,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] int ElapsedDays,
    [property: Id(3)] int DaysInYear,
    [property: Id(4)] long DeclaredCents,
    [property: Id(5)] long CeilingCents,
    [property: Id(6)] decimal Tolerance,
    [property: Id(7)] long ExpectedCents,
    [property: Id(8)] long AllowedCents,
    [property: Id(9)] bool Holds);
