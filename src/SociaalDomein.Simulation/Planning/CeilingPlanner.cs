using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Planning;

/// <summary>
/// Sets a ceiling per contract (and for some contracts per category) from the exact amounts the plan will declare, so
/// that a known set of contracts crosses the 75/90/100 % thresholds within the simulated months.
/// </summary>
/// <remarks>
/// Three kinds of contract: <b>hot</b> (≈ 6 %, at least 3) end the period at 78–86 %, 92–97 % or 104–115 % of their
/// ceiling; <b>warm</b> (≈ 10 %) have a ceiling below their annualised spend, so pacing and forecast alerts fire
/// without a threshold being crossed yet; the rest have 5–35 % headroom over their annualised spend.
/// </remarks>
internal static class CeilingPlanner
{
    private const double HotShare = 0.06;
    private const int MinimumHot = 3;
    private const double WarmShare = 0.10;
    private const double CategoryCeilingShare = 0.15;

    /// <summary>Where a hot contract ends the simulated period, as a share of its ceiling: past 75 %, past 90 %, past 100 %.</summary>
    private static readonly (double Min, double Max)[] HotBands = [(0.78, 0.86), (0.92, 0.97), (1.04, 1.15)];

    /// <summary>Ceiling ÷ annualised spend for warm contracts: heading for an overrun by year end.</summary>
    private static readonly (double Min, double Max) WarmFactor = (0.88, 0.98);

    /// <summary>Ceiling ÷ annualised spend for the rest: they end the year at 67–91 % of their ceiling.</summary>
    private static readonly (double Min, double Max) NormalFactor = (1.10, 1.50);

    public static IReadOnlyList<ScenarioCeiling> Set(ScenarioPlan plan, Random random)
    {
        var options = plan.Options;
        var contracts = plan.Contracts;
        var declared = new long[contracts.Count];
        var declaredByCategory = contracts.Select(_ => new SortedDictionary<string, long>(StringComparer.Ordinal)).ToArray();
        foreach (var contract in contracts)
        {
            foreach (var allocation in contract.Allocations)
            {
                for (var month = 0; month < plan.Months.Count; month++)
                {
                    if (!plan.TryDeliver(allocation, month, out var delivery)) continue;
                    var amount = allocation.AmountCents(delivery.FinalVolume);
                    declared[contract.Index] += amount;
                    var category = allocation.Product.Categorie;
                    declaredByCategory[contract.Index][category] = declaredByCategory[contract.Index].GetValueOrDefault(category) + amount;
                }
            }
        }

        // Hot contracts come from the upper half by spend, so a threshold alert concerns a contract that matters.
        var candidates = contracts.Where(c => declared[c.Index] > 0)
            .OrderByDescending(c => declared[c.Index]).ThenBy(c => c.Index)
            .ToList();
        candidates = candidates.Take((candidates.Count + 1) / 2).ToList();
        Shuffle(candidates, random);
        var hotCount = Math.Min(candidates.Count, Math.Max(MinimumHot, (int)Math.Round(contracts.Count * HotShare)));
        var hotBand = new Dictionary<int, int>();
        for (var i = 0; i < hotCount; i++) hotBand[candidates[i].Index] = i % HotBands.Length;

        var ceilings = new List<ScenarioCeiling>();
        var categoryCeilings = 0;
        foreach (var contract in contracts)
        {
            var spent = declared[contract.Index];
            var annualised = spent > 0 ? spent * 12 / options.Months : contract.PlannedAnnualCents;
            long ceiling;
            if (hotBand.TryGetValue(contract.Index, out var band))
            {
                var endShare = Between(HotBands[band], random);
                ceiling = RoundDown(spent / endShare);
            }
            else
            {
                var warm = random.NextDouble() < WarmShare;
                ceiling = Round(annualised * (warm ? Between(WarmFactor, random) : Between(NormalFactor, random)));
            }
            ceilings.Add(new ScenarioCeiling(contract.Municipality.CbsCode, contract.Provider.Agb, options.Year, ceiling));

            // Some contracts also cap their largest category; the first of those runs hot too.
            var categories = declaredByCategory[contract.Index];
            if (categories.Count >= 2 && random.NextDouble() < CategoryCeilingShare)
            {
                var (category, categorySpent) = categories.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First();
                var categoryCeiling = categoryCeilings++ == 0
                    ? RoundDown(categorySpent / Between(HotBands[0], random))
                    : Round(categorySpent * 12 / options.Months * Between((1.0, 1.3), random));
                ceilings.Add(new ScenarioCeiling(contract.Municipality.CbsCode, contract.Provider.Agb, options.Year, categoryCeiling, category));
            }
        }

        return ceilings
            .OrderBy(c => c.MunicipalityCode, StringComparer.Ordinal)
            .ThenBy(c => c.ProviderAgb, StringComparer.Ordinal)
            .ThenBy(c => c.ProductCategorie ?? "", StringComparer.Ordinal)
            .ToList();
    }

    private static double Between((double Min, double Max) range, Random random) =>
        range.Min + (range.Max - range.Min) * random.NextDouble();

    /// <summary>Ceilings are round figures: the coarsest of €10 000, €1 000, €100, €10 or €1 that changes the amount by at most 0.5 %.</summary>
    private static long Round(double cents) => RoundTo(cents, down: false);

    /// <summary>Rounded down, so a hot contract's share of its ceiling only grows.</summary>
    private static long RoundDown(double cents) => RoundTo(cents, down: true);

    private static long RoundTo(double cents, bool down)
    {
        long[] units = [10_000_00, 1_000_00, 100_00, 10_00, 1_00, 1];
        var unit = units.First(u => u == 1 || u * 200 <= cents);
        var rounded = (long)(down ? Math.Floor(cents / unit) : Math.Round(cents / unit, MidpointRounding.AwayFromZero)) * unit;
        return Math.Max(rounded, 1_00);
    }

    private static void Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
