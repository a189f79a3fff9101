using SociaalDomein.Monitoring.Ceilings;

namespace SociaalDomein.Monitoring.Budget;

/// <summary>
/// The threshold rule: a threshold of a ceiling fires once when the declared total first reaches it, and is re-armed
/// when the total falls below it again (a credit), so that a later crossing fires anew.
/// </summary>
public static class CeilingThresholds
{
    /// <summary>
    /// Compares the totals with every ceiling and threshold, updates <paramref name="marks"/> and returns the thresholds
    /// that were crossed upward since the marks were last updated. Exact integer arithmetic: declared × 100 ≥ ceiling × percent.
    /// </summary>
    public static IReadOnlyList<ThresholdCrossing> Evaluate(
        IEnumerable<BudgetCeiling> ceilings,
        ContractTotals totals,
        IReadOnlyList<int> percents,
        IDictionary<string, ThresholdMark> marks)
    {
        var crossings = new List<ThresholdCrossing>();
        foreach (var ceiling in ceilings)
        {
            if (ceiling.CeilingCents <= 0) continue;
            var declared = totals.Declared(ceiling.Year, ceiling.ProductCategorie);
            foreach (var percent in percents)
            {
                var key = MarkKey(ceiling.Year, ceiling.ProductCategorie, percent);
                if (!marks.TryGetValue(key, out var mark))
                {
                    mark = new ThresholdMark();
                    marks[key] = mark;
                }

                var reached = (Int128)declared * 100 >= (Int128)ceiling.CeilingCents * percent;
                if (reached && !mark.Crossed)
                {
                    mark.Crossed = true;
                    mark.Crossings++;
                    crossings.Add(new ThresholdCrossing(ceiling.Year, ceiling.ProductCategorie, percent, mark.Crossings, declared, ceiling.CeilingCents));
                }
                else if (!reached && mark.Crossed)
                {
                    mark.Crossed = false;
                }
            }
        }
        return crossings;
    }

    public static string MarkKey(int year, string? productCategorie, int percent) => $"{year}:{productCategorie ?? "*"}:{percent}";
}
