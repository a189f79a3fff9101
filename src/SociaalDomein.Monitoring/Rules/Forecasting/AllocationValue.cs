using SociaalDomein.Monitoring.Rules.AllocationChecks;
using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Rules.Forecasting;

/// <summary>
/// The expected value of an allocation's care in one month: the volume it grants for the days of the month it is
/// active (from Ingangsdatum up to Einddatum or a definitive stop) × its tariff, rounded to the cent (half away from zero).
/// </summary>
/// <remarks>
/// Volume in a month: per day × days; per week × days / 7; per month × days / days in the month; a total or a Budget
/// spread evenly over the days of the allocation period (so those need an Einddatum). Eenheid 83 is already in
/// eurocent and needs no tariff. A tariff in minutes prices an allocation in hours (× 60) and the other way round (/ 60).
/// </remarks>
public static class AllocationValue
{
    /// <summary>The value in eurocent; 0 when the allocation is not active in the month; null when it cannot be priced.</summary>
    public static long? ForMonth(AllocationSnapshot allocation, Tariff? tariff, ServiceMonth month)
    {
        var activeUntil = allocation.LastCareDay ?? month.LastDay;
        if (activeUntil < allocation.Ingangsdatum) return 0;
        if (month.Period.Intersect(new DatePeriod(allocation.Ingangsdatum, activeUntil)) is not { } active) return 0;

        // value = numerator / denominator, divided once at the end so that a half cent is exactly a half cent.
        Int128 numerator, denominator;
        if (allocation.HasOmvang)
        {
            if (VolumeIn(allocation, active, month) is not (var volume, var per)) return null;
            if (PricePerUnit(allocation.Eenheid!, tariff) is not (var cents, var perUnits)) return null;
            (numerator, denominator) = (volume * cents, per * perUnits);
        }
        else if (allocation.BudgetCents is { } budget && AllocationDays(allocation) is { } days)
        {
            (numerator, denominator) = ((Int128)budget * active.Days, days);
        }
        else
        {
            return null;
        }
        return (long)decimal.Round((decimal)numerator / (decimal)denominator, MidpointRounding.AwayFromZero);
    }

    /// <summary>The volume granted for the active days of the month, as a fraction.</summary>
    private static (Int128 Volume, Int128 Per)? VolumeIn(AllocationSnapshot allocation, DatePeriod active, ServiceMonth month)
    {
        Int128 volume = allocation.Volume!.Value;
        return allocation.Frequentie switch
        {
            OmvangCodes.PerDag => (volume * active.Days, 1),
            OmvangCodes.PerWeek => (volume * active.Days, 7),
            OmvangCodes.PerMaand => (volume * active.Days, month.Days),
            OmvangCodes.Totaal => AllocationDays(allocation) is { } days ? (volume * active.Days, days) : null,
            _ => null,
        };
    }

    /// <summary>Eurocent per unit of the allocation's Eenheid, as a fraction.</summary>
    private static (Int128 Cents, Int128 PerUnits)? PricePerUnit(string allocationEenheid, Tariff? tariff)
    {
        if (allocationEenheid == OmvangCodes.Euro) return (1, 1);
        if (tariff is null) return null;
        if (tariff.Eenheid == allocationEenheid) return (tariff.CentsPerUnit, 1);
        if (allocationEenheid == OmvangCodes.Uur && tariff.Eenheid == OmvangCodes.Minuut) return ((Int128)tariff.CentsPerUnit * 60, 1);
        if (allocationEenheid == OmvangCodes.Minuut && tariff.Eenheid == OmvangCodes.Uur) return (tariff.CentsPerUnit, 60);
        return null;
    }

    private static int? AllocationDays(AllocationSnapshot allocation) =>
        allocation.Einddatum is { } end && end >= allocation.Ingangsdatum ? new DatePeriod(allocation.Ingangsdatum, end).Days : null;
}
