using System.Globalization;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Budget;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Rules.AllocationChecks;
using SociaalDomein.Monitoring.Rules.Calendar;
using SociaalDomein.Monitoring.Rules.Forecasting;
using SociaalDomein.Monitoring.Rules.LeadTimes;
using SociaalDomein.Monitoring.Rules.Lifecycle;
using SociaalDomein.Monitoring.Rules.Pacing;
using SociaalDomein.Monitoring.Rules.RegionalCeilings;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Monitoring.Contracts;

/// <summary>
/// Evaluates the alert conditions of one contract from its figures: plain code the contract grain calls, so every rule
/// can be tested with exact figures without a silo.
/// </summary>
public static class ContractAlertRules
{
    /// <summary>CeilingThreshold, Pacing and Forecast for every ceiling of the contract (of the given years only, when given).</summary>
    /// <param name="years">The years whose figures may have changed; null for all. A ceiling of another year is not
    /// evaluated: its figures are those of the last evaluation, and the daily evaluation (all years) follows the calendar.</param>
    public static IEnumerable<AlertCandidate> Budget(
        ContractKey contract,
        IEnumerable<BudgetCeiling> ceilings,
        ContractTotals totals,
        ServiceMonthTotals serviceMonths,
        ContractAllocations allocations,
        MonitoringOptions options,
        DateOnly today,
        IReadOnlySet<int>? years = null)
    {
        foreach (var ceiling in ceilings.Where(c => c.CeilingCents > 0 && (years is null || years.Contains(c.Year))))
        {
            var (year, category, limit) = (ceiling.Year, ceiling.ProductCategorie, ceiling.CeilingCents);
            var scope = ScopeText(category);
            var declared = totals.Declared(year, category);

            foreach (var percent in options.EffectiveThresholdPercents)
            {
                var subject = AlertSubject.CeilingThreshold(contract.MunicipalityCode, contract.ProviderAgb, year, category, percent);
                var holds = CeilingUse.Reaches(declared, limit, percent);
                yield return new AlertCandidate(
                    new AlertObservation(subject, holds, new AlertFigures(declared, limit, "cent", $"{percent}%"), AlertSeverity.ForThreshold(percent)),
                    $"Provider {contract.ProviderAgb} has declared {Euro(declared)} to municipality {contract.MunicipalityCode} for {year} " +
                    $"({scope}): {CeilingUse.Percent(declared, limit).ToString(CultureInfo.InvariantCulture)}% of the ceiling of {Euro(limit)}; " +
                    $"the {percent}% threshold is {(holds ? "reached" : "no longer reached")}.",
                    percent, declared, limit);
            }

            yield return Pacing(contract, year, category, limit, serviceMonths, options, today);
            yield return Forecast(contract, year, category, limit, serviceMonths, allocations, options, today);
        }
    }

    /// <summary>
    /// Pacing, like with like: what is declared for the service months up to the latest complete one, against the
    /// elapsed share of the year up to that month's last day × the ceiling × the tolerance.
    /// </summary>
    public static AlertCandidate Pacing(ContractKey contract, int year, string? category, long ceilingCents,
        ServiceMonthTotals serviceMonths, MonitoringOptions options, DateOnly today)
    {
        var subject = AlertSubject.Pacing(contract.MunicipalityCode, contract.ProviderAgb, year, category);
        var asOf = LatestCompleteMonth(today, options.DeclarationLagWorkingDays) is { } month ? month.LastDay : (DateOnly?)null;
        var basis = $"pace × {options.PacingTolerance.ToString(CultureInfo.InvariantCulture)}";
        if (asOf is not { } day || day.Year < year)
        {
            return new AlertCandidate(new AlertObservation(subject, false, new AlertFigures(0, 0, "cent", basis), AlertSeverity.Warning),
                $"No service month of {year} is complete yet: pacing of provider {contract.ProviderAgb} at municipality {contract.MunicipalityCode} is not measured.",
                DeclaredCents: 0, CeilingCents: ceilingCents);
        }
        var lastMonth = day.Year > year ? 12 : day.Month;
        var declared = serviceMonths.Declared(year, category, lastMonth);
        var pacing = PacingRule.Evaluate(year, declared, ceilingCents, day.Year > year ? new DateOnly(year, 12, 31) : day, options.PacingTolerance);
        return new AlertCandidate(
            new AlertObservation(subject, pacing.Holds, new AlertFigures(declared, pacing.AllowedCents, "cent", basis), AlertSeverity.Warning),
            $"Provider {contract.ProviderAgb} has declared {Euro(declared)} to municipality {contract.MunicipalityCode} for service months " +
            $"{year}-01 to {year}-{lastMonth:D2} ({ScopeText(category)}); at {pacing.ElapsedDays} of {pacing.DaysInYear} days the pace of the " +
            $"ceiling of {Euro(ceilingCents)} allows {Euro(pacing.ExpectedCents)} × {options.PacingTolerance.ToString(CultureInfo.InvariantCulture)} = " +
            $"{Euro(pacing.AllowedCents)}: spending is {(pacing.Holds ? "ahead of" : "within")} pace.",
            DeclaredCents: declared, CeilingCents: pacing.AllowedCents);
    }

    /// <summary>Forecast: the projected year-end spend (run rate + not-yet-declared value of active allocations) against the ceiling.</summary>
    public static AlertCandidate Forecast(ContractKey contract, int year, string? category, long ceilingCents,
        ServiceMonthTotals serviceMonths, ContractAllocations allocations, MonitoringOptions options, DateOnly today)
    {
        var subject = AlertSubject.Forecast(contract.MunicipalityCode, contract.ProviderAgb, year, category);
        // Deferred, and only the allocations whose period touches the year: an allocation outside it is worth nothing in
        // its months, and most projections (a year not begun, or with every month complete) price no allocation at all.
        var (yearStart, yearEnd) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var open = allocations.Versions
            .Where(v => !v.Deleted && (category is null || v.ProductCategorie == category)
                        && v.Ingangsdatum <= yearEnd && (v.Einddatum is not { } end || end >= yearStart))
            .Select(v => OpenAllocation.Over(allocations.Snapshot(v.Key)!, allocations.UsageOrEmpty(v.Key)));
        var forecast = YearEndForecast.Project(year, today, serviceMonths.ByMonth(year, category), open, options.DeclarationLagWorkingDays);
        var holds = forecast.Exceeds(ceilingCents);
        return new AlertCandidate(
            new AlertObservation(subject, holds, new AlertFigures(forecast.ProjectedCents, ceilingCents, "cent", forecast.Method.ToString()), AlertSeverity.Warning),
            $"Projected {year} spend of provider {contract.ProviderAgb} at municipality {contract.MunicipalityCode} ({ScopeText(category)}): " +
            $"{Euro(forecast.ProjectedCents)} by {forecast.Method} (declared {Euro(forecast.DeclaredCents)}, run rate {Euro(forecast.RunRateCents)}/month over " +
            $"{forecast.CompleteMonths} complete month(s), {Euro(forecast.BegunMonthsCents)} for {forecast.BegunMonths.Count} begun month(s), " +
            $"{Euro(forecast.FutureMonthsCents)} for {forecast.FutureMonths} month(s) to come{(forecast.Note is { } note ? $"; {note}" : "")}), " +
            $"{(holds ? "above" : "within")} the ceiling of {Euro(ceilingCents)}.",
            DeclaredCents: forecast.ProjectedCents, CeilingCents: ceilingCents);
    }

    /// <summary>OverDeclaration for one allocation: what is declared against it now, over everything, against what it allows.</summary>
    public static IEnumerable<AlertCandidate> OverDeclaration(ContractKey contract, (Standard Standard, long ToewijzingNummer) key,
        ContractAllocations allocations, AlertLifecycleState lifecycle)
    {
        var snapshot = allocations.Snapshot(key);
        var findings = snapshot is { Deleted: false } ? DeclarationLineCheck.CurrentOverDeclarations(snapshot, allocations.Usage(key)) : [];
        var seen = new HashSet<string>();
        foreach (var finding in findings)
        {
            var month = finding.RuleCode == RuleCodes.VolumeAbovePeriodAllocation ? finding.Month : null;
            var subject = AlertSubject.OverDeclaration(contract.MunicipalityCode, contract.ProviderAgb, key.Standard, key.ToewijzingNummer,
                finding.RuleCode, month, snapshot!.Ingangsdatum);
            seen.Add(subject.Key);
            yield return new AlertCandidate(
                new AlertObservation(subject, true, new AlertFigures(finding.Actual ?? 0, finding.Allowed ?? 0, finding.Unit ?? "", finding.RuleCode), AlertSeverity.Warning),
                $"Provider {contract.ProviderAgb}, municipality {contract.MunicipalityCode}: {finding.Description} (rule {finding.RuleCode})");
        }

        var prefix = $"over-declaration:{contract.MunicipalityCode}:{contract.ProviderAgb}:{key.Standard.Code()}:{key.ToewijzingNummer}:";
        foreach (var (trackKey, track) in lifecycle.Tracks)
        {
            if (!track.Active || seen.Contains(trackKey) || !trackKey.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var subject = new AlertSubject(trackKey, AlertKind.OverDeclaration, contract.MunicipalityCode, contract.ProviderAgb, track.Year);
            var figures = snapshot is { Deleted: false } ? CurrentFigures(snapshot, allocations.Usage(key), trackKey[prefix.Length..]) ?? track.Figures! : track.Figures!;
            yield return new AlertCandidate(
                new AlertObservation(subject, false, figures, track.Severity!),
                $"Provider {contract.ProviderAgb}, municipality {contract.MunicipalityCode}: what is declared against allocation " +
                $"{key.ToewijzingNummer} is within the allocation again (rule {track.Figures!.Basis}).");
        }
    }

    /// <summary>The figures of an over-declaration subject ("{rule}[:{yyyy-MM}]") as they are now, for its resolution.</summary>
    private static AlertFigures? CurrentFigures(AllocationSnapshot allocation, AllocationUsage usage, string ruleAndMonth)
    {
        var parts = ruleAndMonth.Split(':');
        var rule = parts[0];
        if (rule == RuleCodes.AmountAboveBudget && allocation.BudgetCents is { } budget)
            return new AlertFigures(usage.TotalAmountCents, budget, "cent", rule);
        if (!allocation.HasOmvang) return null;
        var units = VolumeUnits.For(allocation.Eenheid!);
        if (rule == RuleCodes.VolumeAboveAllocation && AllocatedVolume.OverWholePeriod(allocation) is { } total)
            return new AlertFigures(usage.TotalVolume(units), total * units.AllocationFactor, units.CompareUnit, rule);
        if (rule == RuleCodes.VolumeAbovePeriodAllocation && parts.Length == 2 &&
            DateOnly.TryParseExact(parts[1] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) &&
            AllocatedVolume.ForMonth(allocation, ServiceMonth.Of(first)) is { } allowed)
            return new AlertFigures(usage.VolumeIn(ServiceMonth.Of(first), units), allowed * units.AllocationFactor, units.CompareUnit, rule);
        return null;
    }

    /// <summary>DeclarationWithoutAllocation per budget year: the net amount declared on allocation numbers without a usable allocation.</summary>
    public static IEnumerable<AlertCandidate> WithoutAllocation(ContractKey contract, IEnumerable<int> years, ContractAllocations allocations)
    {
        foreach (var year in years)
        {
            long amount = 0;
            var numbers = 0;
            foreach (var (key, usage) in allocations.Usages)
            {
                if (allocations.Snapshot(key) is { Deleted: false }) continue;
                var months = usage.Months.Where(m => m.Year == year).ToList();
                if (months.Count == 0) continue;
                numbers++;
                amount += months.Sum(usage.AmountCentsIn);
            }
            var subject = AlertSubject.DeclarationWithoutAllocation(contract.MunicipalityCode, contract.ProviderAgb, year);
            yield return new AlertCandidate(
                new AlertObservation(subject, numbers > 0, new AlertFigures(amount, 0, "cent", $"{RuleCodes.NoAllocation}/{RuleCodes.AllocationDeleted}"), AlertSeverity.Warning),
                numbers > 0
                    ? $"Provider {contract.ProviderAgb} declared {Euro(amount)} for {year} to municipality {contract.MunicipalityCode} on {numbers} " +
                      "allocation number(s) without a current allocation (no 301, or deleted)."
                    : $"Every line provider {contract.ProviderAgb} declared for {year} to municipality {contract.MunicipalityCode} now has an allocation.",
                DeclaredCents: amount);
        }
    }

    /// <summary>LeadTime for a term that awaits an answer (or just got one).</summary>
    public static AlertCandidate LeadTime(ContractKey contract, AwaitedAnswer awaited, MonitoringOptions options, DateOnly today)
    {
        var terms = new LeadTimeOptions { AllocationWithoutStartCalendarDays = options.AllocationWithoutStartDays };
        var term = terms.TermOf(awaited.Rule);
        var start = awaited.StartDay ?? awaited.AnsweredOn ?? today;
        var check = LeadTimeRules.Evaluate(awaited.Rule, term, start, awaited.AnsweredOn, today);
        var subject = AlertSubject.LeadTime(contract.MunicipalityCode, contract.ProviderAgb, awaited.Rule, awaited.Reference, start);
        var what = awaited.Rule switch
        {
            LeadTimeRule.RequestAnswer => $"request {awaited.Reference} (315/317) awaits a 301 or 319 from municipality {contract.MunicipalityCode}",
            LeadTimeRule.AllocationWithoutStart => $"allocation {awaited.Reference} (301) awaits a 305 from provider {contract.ProviderAgb}",
            LeadTimeRule.DeclarationAnswer => $"declaration {awaited.Reference} (323) awaits a 325 from municipality {contract.MunicipalityCode}",
            _ => $"{awaited.Rule} {awaited.Reference}",
        };
        var status = check.Status switch
        {
            LeadTimeStatus.Overdue => $"overdue by {check.OverdueDays} {(term.Count == DayCount.WorkingDays ? "working" : "calendar")} day(s)",
            LeadTimeStatus.AnsweredInTime => $"answered in time on {check.AnsweredOn:yyyy-MM-dd}",
            LeadTimeStatus.AnsweredLate => $"answered late on {check.AnsweredOn:yyyy-MM-dd}",
            _ => "not yet due",
        };
        return new AlertCandidate(
            new AlertObservation(subject, check.AlertHolds, new AlertFigures(DateNumber(start), DateNumber(check.Deadline), "date", term.ToString()), AlertSeverity.Warning),
            $"Provider {contract.ProviderAgb}, municipality {contract.MunicipalityCode}: {what} since {start:yyyy-MM-dd}, within {term} " +
            $"(deadline {check.Deadline:yyyy-MM-dd}): {status}.");
    }

    /// <summary>
    /// Whether new figures are worth an update of an alert that holds: a change of severity or basis, or a figure that
    /// moved by at least 1 % of the limit (of the figure itself when the limit is 0). Otherwise every batch of lines
    /// would update every open money alert.
    /// </summary>
    public static bool IsMaterial(AlertFigures before, AlertFigures now)
    {
        if (before.Unit != now.Unit || before.Basis != now.Basis) return true;
        var scale = Math.Max(Math.Abs(before.Limit), 1);
        if (before.Limit == 0) scale = Math.Max(Math.Abs(before.Actual) / 10, 1);
        return (Int128)Math.Abs(now.Actual - before.Actual) * 100 >= scale || (Int128)Math.Abs(now.Limit - before.Limit) * 100 >= scale;
    }

    /// <summary>The latest service month whose declarations count as complete on <paramref name="today"/>.</summary>
    public static ServiceMonth? LatestCompleteMonth(DateOnly today, int lagWorkingDays)
    {
        var month = ServiceMonth.Of(today);
        for (var i = 0; i < 3; i++)
        {
            month = month.Month == 1 ? new ServiceMonth(month.Year - 1, 12) : new ServiceMonth(month.Year, month.Month - 1);
            if (YearEndForecast.IsComplete(month, today, lagWorkingDays)) return month;
        }
        return null;
    }

    public static long DateNumber(DateOnly date) => date.Year * 10_000L + date.Month * 100 + date.Day;

    private static string ScopeText(string? category) => category is null ? "all categories" : $"product category {category}";

    public static string Euro(long cents) => (cents / 100m).ToString("€ #,##0.00", CultureInfo.InvariantCulture);
}
