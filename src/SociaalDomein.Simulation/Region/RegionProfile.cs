namespace SociaalDomein.Simulation.Region;

/// <summary>The facts about a region a scenario is generated from: its municipalities, cost-split key and annual spend.</summary>
/// <param name="AnnualCareInKindCents">Care-in-kind spend of the whole region per year (iJw and iWmo), in eurocent.</param>
/// <param name="JeugdShareBasisPoints">Part of that spend under the Jeugdwet (iJw), in hundredths of a percent.</param>
public sealed record RegionProfile(
    string Name,
    IReadOnlyList<Municipality> Municipalities,
    long AnnualCareInKindCents,
    int JeugdShareBasisPoints)
{
    /// <summary>
    /// Regio Nijmegen: seven municipalities with the cost-split key from the region's policy documents;
    /// ≈ €190 M care in kind per year, 60 % of it youth care (assumptions, see DOMAIN.md §5–6).
    /// Wijchen takes part in only some of the regional contracts.
    /// </summary>
    public static RegionProfile Nijmegen { get; } = new(
        "Regio Nijmegen",
        [
            new Municipality("1945", "Berg en Dal", 1129),
            new Municipality("0209", "Beuningen", 708),
            new Municipality("0225", "Druten", 584),
            new Municipality("0252", "Heumen", 432),
            new Municipality("0944", "Mook en Middelaar", 184),
            new Municipality("0268", "Nijmegen", 5757),
            new Municipality("0296", "Wijchen", 1206, JoinsEveryContract: false),
        ],
        AnnualCareInKindCents: 190_000_000_00,
        JeugdShareBasisPoints: 6000);

    /// <summary>The municipality with this CBS code.</summary>
    public Municipality this[string cbsCode] =>
        Municipalities.FirstOrDefault(m => m.CbsCode == cbsCode)
        ?? throw new KeyNotFoundException($"Municipality {cbsCode} is not part of {Name}.");
}
