using SociaalDomein.Monitoring.Rules.RegionalCeilings;

namespace SociaalDomein.Monitoring.Tests.Rules;

public sealed class RegionalCeilingTests
{
    private const long Ceiling = 500_000_000; // € 5 000 000 for the region

    /// <summary>Regio Nijmegen without Wijchen (0296), which does not take part in this contract.</summary>
    private static readonly string[] Participants = ["1945", "0209", "0225", "0252", "0944", "0268"];

    private static readonly Dictionary<string, long> Declared = new()
    {
        ["0268"] = 300_000_000,
        ["1945"] = 60_000_000,
        ["0209"] = 30_000_000,
        ["0296"] = 80_000_000,
    };

    [Fact]
    public void The_regional_ceiling_sums_only_the_municipalities_that_take_part()
    {
        var evaluation = RegionalCeiling.Evaluate(Ceiling, Participants, Declared, [75, 90, 100]);

        Assert.Equal((390_000_000L, 80_000_000L, 78.00m), (evaluation.DeclaredCents, evaluation.OutsideContractCents, evaluation.UsePercent));
        Assert.Equal([75], evaluation.ReachedPercents); // with Wijchen it would have been 94%
    }

    [Fact]
    public void Every_participant_is_listed_even_without_declarations_and_Wijchen_beside_them()
    {
        var shares = RegionalCeiling.Evaluate(Ceiling, Participants, Declared, [75, 90, 100]).Shares;

        Assert.Equal([
            new MunicipalityShare("0209", 30_000_000, true),
            new MunicipalityShare("0225", 0, true),
            new MunicipalityShare("0252", 0, true),
            new MunicipalityShare("0268", 300_000_000, true),
            new MunicipalityShare("0296", 80_000_000, false),
            new MunicipalityShare("0944", 0, true),
            new MunicipalityShare("1945", 60_000_000, true),
        ], shares);
    }

    [Fact]
    public void A_threshold_is_reached_at_exactly_its_percentage()
    {
        var declared = new Dictionary<string, long> { ["0268"] = 449_999_999 };
        Assert.Equal([75], RegionalCeiling.Evaluate(Ceiling, Participants, declared, [100, 90, 75]).ReachedPercents);

        declared["0225"] = 1;
        Assert.Equal([75, 90], RegionalCeiling.Evaluate(Ceiling, Participants, declared, [100, 90, 75]).ReachedPercents);
    }

    [Fact]
    public void When_Wijchen_takes_part_its_declarations_count()
    {
        var evaluation = RegionalCeiling.Evaluate(Ceiling, [.. Participants, "0296"], Declared, [75, 90, 100]);

        Assert.Equal((470_000_000L, 0L, 94.00m), (evaluation.DeclaredCents, evaluation.OutsideContractCents, evaluation.UsePercent));
        Assert.Equal([75, 90], evaluation.ReachedPercents);
    }
}
