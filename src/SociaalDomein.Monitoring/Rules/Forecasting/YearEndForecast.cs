using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Rules.Forecasting;

/// <summary>
/// Projects a contract's spend for a year to its end, from what has been declared per service month and from the
/// active allocations.
/// </summary>
/// <remarks>
/// <para>A service month counts as complete once its declaration window has passed: the as-of day is on or after the
/// <c>declarationLagWorkingDays</c>-th working day (default 10) of the next month, when most declarations of a month
/// are in. Complete months 1..k give the run rate: their declared total / k.</para>
/// <para>The months k+1 up to the as-of month have begun (care was delivered) but are not fully declared.
/// <see cref="ForecastMethod.RunRatePlusOpenAllocations"/> adds, for each such month and each allocation active in it,
/// what the allocation is worth in that month minus what was already declared against it for that month (never less
/// than 0). <see cref="ForecastMethod.RunRate"/> adds, per such month, the run rate minus what is already declared for
/// it (never less than 0). Both then add the run rate for each month after the as-of month.</para>
/// <para>The allocation method is used when every allocation active in a begun month can be priced; otherwise the
/// forecast falls back to the run rate and says how many allocations could not be priced.</para>
/// </remarks>
public static class YearEndForecast
{
    public const int DefaultDeclarationLagWorkingDays = 10;

    /// <param name="declaredCentsByServiceMonth">The contract's (or category's) net declared amount per service month; other years are ignored.</param>
    /// <param name="allocations">The contract's allocations, active or not; they are only priced for the begun months, and
    /// only enumerated when there are any (pass a deferred sequence to make nothing for a year that has none).</param>
    public static Forecast Project(
        int year,
        DateOnly asOf,
        IReadOnlyDictionary<ServiceMonth, long> declaredCentsByServiceMonth,
        IEnumerable<OpenAllocation> allocations,
        int declarationLagWorkingDays = DefaultDeclarationLagWorkingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(declarationLagWorkingDays);
        long DeclaredIn(int month) => declaredCentsByServiceMonth.GetValueOrDefault(new ServiceMonth(year, month));

        var declared = Enumerable.Range(1, 12).Sum(DeclaredIn);
        var asOfMonth = asOf.Year < year ? 0 : asOf.Year > year ? 12 : asOf.Month;
        var complete = 0;
        while (complete < 12 && IsComplete(new ServiceMonth(year, complete + 1), asOf, declarationLagWorkingDays)) complete++;

        var begunMonths = Enumerable.Range(complete + 1, Math.Max(0, asOfMonth - complete)).ToList();
        var futureMonths = 12 - Math.Max(asOfMonth, complete);

        if (complete == 0 || (begunMonths.Count == 0 && futureMonths == 0))
        {
            var why = complete == 0 ? $"no service month of {year} is fully declared yet" : null;
            return new Forecast(year, asOf, ForecastMethod.DeclaredToDate, declared, declared, complete, 0, begunMonths, 0, futureMonths, 0, 0, 0, why);
        }

        var runRate = (long)decimal.Round((decimal)Enumerable.Range(1, complete).Sum(DeclaredIn) / complete, MidpointRounding.AwayFromZero);
        var futureCents = runRate * futureMonths;

        var (allocationCents, valued, withoutValue) = OpenAllocationValue(year, begunMonths, allocations);
        if (withoutValue == 0)
        {
            return new Forecast(year, asOf, ForecastMethod.RunRatePlusOpenAllocations, declared + allocationCents + futureCents, declared,
                complete, runRate, begunMonths, allocationCents, futureMonths, futureCents, valued, 0, null);
        }

        var runRateCents = begunMonths.Sum(month => Math.Max(0, runRate - DeclaredIn(month)));
        return new Forecast(year, asOf, ForecastMethod.RunRate, declared + runRateCents + futureCents, declared,
            complete, runRate, begunMonths, runRateCents, futureMonths, futureCents, valued, withoutValue,
            $"{withoutValue} active allocation(s) have no known tariff or period to price them");
    }

    /// <summary>True once the <paramref name="lagWorkingDays"/>-th working day after the month has come.</summary>
    public static bool IsComplete(ServiceMonth month, DateOnly asOf, int lagWorkingDays = DefaultDeclarationLagWorkingDays) =>
        asOf >= DutchWorkingDays.AddWorkingDays(month.LastDay, lagWorkingDays);

    /// <summary>
    /// Whether a forecast of <paramref name="year"/> made on <paramref name="asOf"/> can depend on the allocations: only
    /// while the year has begun and not every one of its service months is complete.
    /// </summary>
    public static bool DependsOnAllocations(int year, DateOnly asOf, int declarationLagWorkingDays = DefaultDeclarationLagWorkingDays) =>
        asOf.Year >= year && !IsComplete(new ServiceMonth(year, 12), asOf, declarationLagWorkingDays);

    private static (long Cents, int Valued, int WithoutValue) OpenAllocationValue(int year, IReadOnlyList<int> begunMonths, IEnumerable<OpenAllocation> allocations)
    {
        long cents = 0;
        int valued = 0, withoutValue = 0;
        if (begunMonths.Count == 0) return (0, 0, 0);
        foreach (var allocation in allocations)
        {
            if (allocation.Allocation.Deleted) continue;
            var active = false;
            var priced = true;
            long open = 0;
            foreach (var month in begunMonths.Select(m => new ServiceMonth(year, m)))
            {
                var value = AllocationValue.ForMonth(allocation.Allocation, allocation.Tariff, month);
                if (value == 0) continue;
                active = true;
                if (value is null) { priced = false; break; }
                open += Math.Max(0, value.Value - allocation.DeclaredCentsIn(month));
            }
            if (!active) continue;
            if (priced) { valued++; cents += open; }
            else withoutValue++;
        }
        return (cents, valued, withoutValue);
    }
}
