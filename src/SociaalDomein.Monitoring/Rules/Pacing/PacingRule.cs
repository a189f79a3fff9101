namespace SociaalDomein.Monitoring.Rules.Pacing;

/// <summary>
/// The pacing rule: year-to-date spend is ahead of pace when it is above the elapsed share of the year × the ceiling ×
/// a tolerance (default 1.10). Calendar days: on 31 January 2026, 31 of 365 days have elapsed (the as-of day counts
/// as a whole day). Exact integer arithmetic: declared × days in year &gt; ceiling × elapsed days × tolerance.
/// </summary>
/// <remarks>
/// Declarations arrive about a month after the care, so a declared total lags the calendar; callers that want to
/// compare like with like pass the last day of the latest complete service month as the as-of day.
/// </remarks>
public static class PacingRule
{
    public const decimal DefaultTolerance = 1.10m;

    public static PacingEvaluation Evaluate(int year, long declaredCents, long ceilingCents, DateOnly asOf, decimal tolerance = DefaultTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ceilingCents);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        if (tolerance.Scale > 6 || tolerance > 1_000m)
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "A tolerance has at most 6 decimals and is at most 1000.");

        var daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
        var elapsed = Math.Clamp(asOf.DayNumber - new DateOnly(year, 1, 1).DayNumber + 1, 0, daysInYear);

        // The tolerance as the fraction toleranceUnits / scale (1.10 = 110 / 100), so everything stays in integers.
        var scale = (Int128)Pow10(tolerance.Scale);
        var toleranceUnits = (Int128)(long)(tolerance * (decimal)Pow10(tolerance.Scale));
        var expectedTimesDays = (Int128)ceilingCents * elapsed;
        var allowedTimesDaysTimesScale = expectedTimesDays * toleranceUnits;

        var expected = (long)(expectedTimesDays / daysInYear);
        var allowed = (long)(allowedTimesDaysTimesScale / (daysInYear * scale));
        var holds = (Int128)declaredCents * daysInYear * scale > allowedTimesDaysTimesScale;

        return new PacingEvaluation(year, asOf, elapsed, daysInYear, declaredCents, ceilingCents, tolerance, expected, allowed, holds);
    }

    private static long Pow10(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++) result *= 10;
        return result;
    }
}
