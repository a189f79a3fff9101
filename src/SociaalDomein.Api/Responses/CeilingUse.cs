namespace SociaalDomein.Api.Responses;

/// <summary>How much of a ceiling is used, and the traffic light the dashboard shows for it.</summary>
/// <param name="Percent">Declared as a percentage of the ceiling, one decimal; null without a (positive) ceiling.</param>
/// <param name="Status">"green" below the first alert threshold, "amber" from it, "red" from 100 %, "none" without a ceiling.</param>
public sealed record CeilingUse(decimal? Percent, string Status)
{
    public const string Green = "green";
    public const string Amber = "amber";
    public const string Red = "red";
    public const string None = "none";

    /// <param name="amberFromPercent">The first alert threshold (Monitoring:ThresholdPercents, 75 by default).</param>
    public static CeilingUse Of(long declaredCents, long? ceilingCents, int amberFromPercent)
    {
        if (ceilingCents is not { } ceiling) return new CeilingUse(null, None);
        if (ceiling <= 0) return new CeilingUse(null, declaredCents > 0 ? Red : Green);
        var percent = Math.Round(declaredCents * 100m / ceiling, 1, MidpointRounding.AwayFromZero);
        // Compare in cents, not on the rounded percentage: 99.96 % is not yet the ceiling.
        var status = declaredCents >= ceiling ? Red
            : declaredCents * 100m >= ceiling * (decimal)amberFromPercent ? Amber
            : Green;
        return new CeilingUse(percent, status);
    }
}
