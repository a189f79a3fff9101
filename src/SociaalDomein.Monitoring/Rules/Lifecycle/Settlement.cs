namespace SociaalDomein.Monitoring.Rules.Lifecycle;

/// <summary>
/// Which years can still change. Declarations for a year come in during that year and the next, so on a day in year Y
/// the years Y − 1 and Y are open and every earlier year is settled: what only concerns a settled year (a resolved
/// alert, an allocation that ended in it) may be forgotten by a grain, and read back should a late message name it.
/// </summary>
public static class Settlement
{
    /// <summary>The first year that is not settled on <paramref name="today"/>.</summary>
    public static int FirstOpenYear(DateOnly today) => today.Year - 1;
}
