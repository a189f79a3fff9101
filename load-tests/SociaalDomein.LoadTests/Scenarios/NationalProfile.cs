using SociaalDomein.Simulation.Region;

namespace SociaalDomein.LoadTests.Scenarios;

/// <summary>
/// A fictitious national profile for scale: 350 municipalities (the Netherlands has ≈ 340) whose sizes follow a rank
/// law like the real ones (a few cities, many small towns), and 55 × the region's spend (the region has ≈ 1/55 of the
/// population). CBS codes 5001–5350 are not real municipality codes, so nothing here is mistaken for a real figure.
/// </summary>
public static class NationalProfile
{
    public const int MunicipalityCount = 350;

    /// <summary>National care in kind relative to Regio Nijmegen (≈ 17.9 M / 322 k inhabitants = 55.6).</summary>
    public const int RegionMultiple = 55;

    public static RegionProfile Create()
    {
        var municipalities = new List<Municipality>(MunicipalityCount);
        for (var rank = 1; rank <= MunicipalityCount; rank++)
        {
            // Share ∝ 1/rank^0.9, in basis points of the sum; at least 1 so every municipality has contracts.
            var weight = 10_000 / Math.Pow(rank, 0.9);
            municipalities.Add(new Municipality((5000 + rank).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                $"Gemeente {rank}", Math.Max(1, (int)Math.Round(weight)), JoinsEveryContract: rank % 5 != 0));
        }
        return new RegionProfile("Nederland (fictitious, 350 municipalities)", municipalities,
            RegionProfile.Nijmegen.AnnualCareInKindCents * RegionMultiple, RegionProfile.Nijmegen.JeugdShareBasisPoints);
    }
}
