using System.Globalization;
using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Rules.AllocationChecks;

/// <summary>
/// Holds one declaration line against the current version of its allocation and what was declared against that
/// allocation before it, the way a municipality's checks (TR3xx) would, and says which rules it breaks.
/// </summary>
/// <remarks>
/// A credit line is never a finding: it takes back a debit that was already checked, and it lowers what was declared.
/// Call <see cref="Check"/> before <see cref="AllocationUsage.Record"/> for the same line.
/// </remarks>
public static class DeclarationLineCheck
{
    /// <param name="allocation">The current allocation version, or null when none is known for the line's ToewijzingNummer.</param>
    /// <param name="usageBefore">What was declared against the allocation before this line (not changed here).</param>
    public static IReadOnlyList<DeclarationFinding> Check(AllocationSnapshot? allocation, DeclarationLineFacts line, AllocationUsage usageBefore)
    {
        if (line.IsCredit) return [];
        if (allocation is null)
            return [new(RuleCodes.NoAllocation, $"No allocation {line.ToewijzingNummer} is known for this line.")];
        if (allocation.ToewijzingNummer != line.ToewijzingNummer)
            throw new ArgumentException($"Line of allocation {line.ToewijzingNummer} checked against allocation {allocation.ToewijzingNummer}.", nameof(line));
        if (allocation.Deleted)
            return [new(RuleCodes.AllocationDeleted, $"Allocation {allocation.ToewijzingNummer} was deleted (RedenWijziging 13).")];

        var findings = new List<DeclarationFinding>();
        var period = line.ProductPeriode;

        if (allocation.ClientPseudonym is { } client && line.ClientPseudonym is { } lineClient && client != lineClient)
            findings.Add(new(RuleCodes.OtherClient, $"The line is for another client than allocation {allocation.ToewijzingNummer}."));

        if (period.Begin < allocation.Ingangsdatum)
            findings.Add(new(RuleCodes.BeginsBeforeAllocation,
                $"ProductPeriode begins {period.Begin:yyyy-MM-dd}, before the allocation's Ingangsdatum {allocation.Ingangsdatum:yyyy-MM-dd}.",
                DateNumber(period.Begin), DateNumber(allocation.Ingangsdatum), "date"));
        if (allocation.Einddatum is { } einddatum && period.End > einddatum)
            findings.Add(new(RuleCodes.EndsAfterAllocation,
                $"ProductPeriode ends {period.End:yyyy-MM-dd}, after the allocation's Einddatum {einddatum:yyyy-MM-dd}.",
                DateNumber(period.End), DateNumber(einddatum), "date"));

        if (allocation.ProductCategorie is { } category && category != line.ProductCategorie)
            findings.Add(new(RuleCodes.CategoryMismatch, $"ProductCategorie {line.ProductCategorie} differs from the allocated {category}."));
        if (allocation.ProductCode is { } code && code != line.ProductCode)
            findings.Add(new(RuleCodes.CodeMismatch, $"ProductCode {line.ProductCode} differs from the allocated {code}."));

        if (allocation.DefinitiveStopDate is { } stop && period.Begin > stop)
            findings.Add(new(RuleCodes.AfterDefinitiveStop,
                $"ProductPeriode begins {period.Begin:yyyy-MM-dd}, after the care was stopped for good on {stop:yyyy-MM-dd}.",
                DateNumber(period.Begin), DateNumber(stop), "date"));

        if (allocation.HasOmvang)
            CheckVolume(allocation, line, usageBefore, findings);

        if (allocation.BudgetCents is { } budget)
        {
            var declared = usageBefore.TotalAmountCents + line.AmountCents;
            if (declared > budget)
                findings.Add(new(RuleCodes.AmountAboveBudget,
                    $"{Euro(declared)} declared against allocation {allocation.ToewijzingNummer}, above its budget of {Euro(budget)}.",
                    declared, budget, "cent"));
        }

        return findings;
    }

    /// <summary>
    /// The over-declarations that hold now for an allocation, over everything declared against it: the condition of
    /// its OverDeclaration alert, which resolves when credits bring the figures back within the allocation.
    /// </summary>
    public static IReadOnlyList<DeclarationFinding> CurrentOverDeclarations(AllocationSnapshot allocation, AllocationUsage usage)
    {
        var findings = new List<DeclarationFinding>();
        if (allocation.HasOmvang)
        {
            var units = VolumeUnits.For(allocation.Eenheid!);
            foreach (var month in usage.Months)
            {
                if (!AllocatedVolume.Covers(allocation, month) || AllocatedVolume.ForMonth(allocation, month) is not { } allowed) continue;
                var declared = usage.VolumeIn(month, units);
                if (declared > allowed * units.AllocationFactor)
                    findings.Add(MonthExceeded(allocation, month, declared, allowed * units.AllocationFactor, units.CompareUnit));
            }
            if (AllocatedVolume.OverWholePeriod(allocation) is { } allowedTotal)
            {
                var total = usage.TotalVolume(units);
                if (total > allowedTotal * units.AllocationFactor)
                    findings.Add(TotalExceeded(allocation, total, allowedTotal * units.AllocationFactor, units.CompareUnit));
            }
        }
        if (allocation.BudgetCents is { } budget && usage.TotalAmountCents > budget)
            findings.Add(new(RuleCodes.AmountAboveBudget,
                $"{Euro(usage.TotalAmountCents)} declared against allocation {allocation.ToewijzingNummer}, above its budget of {Euro(budget)}.",
                usage.TotalAmountCents, budget, "cent"));
        return findings;
    }

    private static void CheckVolume(AllocationSnapshot allocation, DeclarationLineFacts line, AllocationUsage usageBefore, List<DeclarationFinding> findings)
    {
        var units = VolumeUnits.For(allocation.Eenheid!);
        if (units.LineFactor(line.Eenheid) is not { } lineFactor)
        {
            findings.Add(new(RuleCodes.UnitMismatch, $"Eenheid {line.Eenheid} does not fit the allocated Eenheid {allocation.Eenheid}."));
            return;
        }

        var lineVolume = line.GeleverdVolume * lineFactor;
        var month = line.ServiceMonth;
        // A month entirely outside the allocation is already a 9307/9308; its volume still counts in the total below.
        if (AllocatedVolume.Covers(allocation, month) && AllocatedVolume.ForMonth(allocation, month) is { } allowed)
        {
            var declared = usageBefore.VolumeIn(month, units) + lineVolume;
            if (declared > allowed * units.AllocationFactor)
                findings.Add(MonthExceeded(allocation, month, declared, allowed * units.AllocationFactor, units.CompareUnit));
        }

        if (AllocatedVolume.OverWholePeriod(allocation) is { } allowedTotal)
        {
            var total = usageBefore.TotalVolume(units) + lineVolume;
            if (total > allowedTotal * units.AllocationFactor)
                findings.Add(TotalExceeded(allocation, total, allowedTotal * units.AllocationFactor, units.CompareUnit));
        }
    }

    private static DeclarationFinding MonthExceeded(AllocationSnapshot allocation, ServiceMonth month, long declared, long allowed, string unit) =>
        new(RuleCodes.VolumeAbovePeriodAllocation,
            $"{Number(declared)} (Eenheid {unit}) declared for {month} against allocation {allocation.ToewijzingNummer}, which allows {Number(allowed)} in that month.",
            declared, allowed, unit, month);

    private static DeclarationFinding TotalExceeded(AllocationSnapshot allocation, long declared, long allowed, string unit) =>
        new(RuleCodes.VolumeAboveAllocation,
            $"{Number(declared)} (Eenheid {unit}) declared in all against allocation {allocation.ToewijzingNummer}, which allows {Number(allowed)} over its whole period.",
            declared, allowed, unit);

    private static long DateNumber(DateOnly date) => date.Year * 10_000L + date.Month * 100 + date.Day;

    private static string Number(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    private static string Euro(long cents) => (cents / 100m).ToString("€ #,##0.00", CultureInfo.InvariantCulture);
}
