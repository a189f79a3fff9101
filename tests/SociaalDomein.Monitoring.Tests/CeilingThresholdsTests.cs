using SociaalDomein.Monitoring.Budget;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Monitoring.Tests;

public sealed class CeilingThresholdsTests
{
    private static readonly BudgetCeiling Ceiling = new(new ContractKey("0268", "12345678"), 2026, null, 1_000_000);
    private readonly Dictionary<string, ThresholdMark> _marks = new();
    private readonly ContractTotals _totals = new();

    private IReadOnlyList<ThresholdCrossing> Declare(long cents, string category = "45")
    {
        _totals.Add(2026, category, cents);
        return CeilingThresholds.Evaluate([Ceiling], _totals, [75, 90, 100], _marks);
    }

    [Fact]
    public void A_threshold_is_reached_at_exactly_its_percentage_of_the_ceiling_not_a_cent_before()
    {
        Assert.Empty(Declare(749_999));
        var crossing = Assert.Single(Declare(1));
        Assert.Equal(new ThresholdCrossing(2026, null, 75, 1, 750_000, 1_000_000), crossing);
    }

    [Fact]
    public void The_contract_ceiling_sums_all_categories()
    {
        Declare(400_000, "45");
        var crossing = Assert.Single(Declare(400_000, "41"));
        Assert.Equal(800_000, crossing.DeclaredCents);
    }

    [Fact]
    public void Declarations_of_another_year_do_not_count_against_this_years_ceiling()
    {
        _totals.Add(2025, "45", 2_000_000);
        Assert.Empty(CeilingThresholds.Evaluate([Ceiling], _totals, [75, 90, 100], _marks));
    }

    [Fact]
    public void A_threshold_stays_quiet_while_crossed_and_fires_again_after_a_drop_below_it()
    {
        Assert.Single(Declare(800_000));
        Assert.Empty(Declare(10_000));
        Assert.Empty(Declare(-100_000)); // 710 000: below 75%, re-armed
        var again = Assert.Single(Declare(40_000));
        Assert.Equal((75, 2), (again.Percent, again.Crossing));
    }

    [Fact]
    public void Amounts_beyond_the_range_of_a_32_bit_integer_are_compared_exactly()
    {
        var big = Ceiling with { CeilingCents = 40_000_000_000 }; // € 400 M
        _totals.Add(2026, "45", 30_000_000_000);
        var crossing = Assert.Single(CeilingThresholds.Evaluate([big], _totals, [75, 90, 100], _marks));
        Assert.Equal(75, crossing.Percent);
    }
}
