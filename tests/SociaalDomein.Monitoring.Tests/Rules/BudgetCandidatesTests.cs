using SociaalDomein.Monitoring.Budget;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Monitoring.Tests.Rules;

public sealed class BudgetCandidatesTests
{
    private static readonly ContractKey Contract = new("0268", "12345678");
    private static readonly MonitoringOptions Options = new() { ThresholdPercents = [75, 90, 100] };

    /// <summary>Twenty years of ceilings, as a contract running for decades has, and one category ceiling in 2026.</summary>
    private static readonly List<BudgetCeiling> Ceilings =
    [
        .. Enumerable.Range(2015, 20).Select(year => new BudgetCeiling(Contract, year, null, 1_000_000)),
        new BudgetCeiling(Contract, 2026, "45", 400_000),
    ];

    [Fact]
    public void Lines_of_one_year_evaluate_the_ceilings_of_that_year_only_with_the_same_candidates_as_a_full_evaluation()
    {
        var totals = new ContractTotals();
        totals.Add(2026, "45", 800_000);
        var today = new DateOnly(2026, 11, 26);

        var all = ContractAlertRules.Budget(Contract, Ceilings, totals, new ServiceMonthTotals(), new ContractAllocations(), Options, today).ToList();
        var of2026 = ContractAlertRules.Budget(Contract, Ceilings, totals, new ServiceMonthTotals(), new ContractAllocations(), Options, today,
            new HashSet<int> { 2026 }).ToList();

        // 3 thresholds + pacing + forecast per ceiling: 21 ceilings in all, 2 of them for 2026.
        Assert.Equal(21 * 5, all.Count);
        Assert.Equal(2 * 5, of2026.Count);
        Assert.All(of2026, c => Assert.Equal(2026, c.Observation.Subject.Year));
        // What is evaluated for 2026 is exactly what the full evaluation says about 2026.
        Assert.Equal(
            all.Where(c => c.Observation.Subject.Year == 2026).Select(c => (c.Observation.Subject.Key, c.Observation.Holds, c.Observation.Figures)),
            of2026.Select(c => (c.Observation.Subject.Key, c.Observation.Holds, c.Observation.Figures)));
        Assert.Equal(4, of2026.Count(c => c.Observation.Holds)); // 800 000 of 1 000 000 reaches 75 %; of 400 000, all three thresholds
    }
}
