namespace SociaalDomein.Monitoring.Rules.RegionalCeilings;

/// <summary>How much of a ceiling is used, in exact integer arithmetic.</summary>
public static class CeilingUse
{
    /// <summary>True when <paramref name="declaredCents"/> is at least <paramref name="percent"/>% of the ceiling: declared × 100 ≥ ceiling × percent.</summary>
    public static bool Reaches(long declaredCents, long ceilingCents, int percent) =>
        (Int128)declaredCents * 100 >= (Int128)ceilingCents * percent;

    /// <summary>The percentage used, rounded half away from zero to two decimals (for display; thresholds use <see cref="Reaches"/>).</summary>
    public static decimal Percent(long declaredCents, long ceilingCents) =>
        ceilingCents <= 0 ? 0m : decimal.Round((decimal)declaredCents * 100m / ceilingCents, 2, MidpointRounding.AwayFromZero);
}
