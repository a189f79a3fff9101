using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Rules.AllocationChecks;

/// <summary>
/// The most an allocation with an Omvang lets a provider declare: for one month (TR321) and over the whole allocation
/// (TR322), in the allocation's Eenheid. The rules follow IV077 for weekly allocations.
/// </summary>
public static class AllocatedVolume
{
    /// <summary>
    /// The maximum for the days of <paramref name="month"/> within the allocation: days × volume per day; calendar weeks
    /// touched × volume per week (inspanningsgericht; iWmo category 01 always 6 weeks), or Sundays (+ 1 in the month of
    /// the last Sunday when the allocation does not end on a Sunday) × volume per week (outputgericht); the volume per
    /// month; the total for frequency 6. Zero when the month lies outside the allocation; null without an Omvang or
    /// with an unknown Frequentie.
    /// </summary>
    public static long? ForMonth(AllocationSnapshot allocation, ServiceMonth month)
    {
        if (!allocation.HasOmvang) return null;
        var volume = allocation.Volume!.Value;
        var days = month.Period.Intersect(allocation.PeriodUntil(month.LastDay));
        if (days is not { } within) return IsKnownFrequentie(allocation.Frequentie) ? 0 : null;

        return allocation.Frequentie switch
        {
            OmvangCodes.PerDag => within.Days * volume,
            OmvangCodes.PerWeek => WeeksInMonth(allocation, within) * volume,
            OmvangCodes.PerMaand => volume,
            OmvangCodes.Totaal => volume,
            _ => null,
        };
    }

    /// <summary>
    /// The maximum over the allocation's whole period: days, calendar weeks touched (inspanningsgericht) or Sundays
    /// + 1 when it does not end on a Sunday (outputgericht), or calendar months touched × the volume; the volume itself
    /// for frequency 6. Null without an Omvang, or when the allocation has no Einddatum (then only the monthly maximum holds).
    /// </summary>
    public static long? OverWholePeriod(AllocationSnapshot allocation)
    {
        if (!allocation.HasOmvang) return null;
        var volume = allocation.Volume!.Value;
        if (allocation.Frequentie == OmvangCodes.Totaal) return volume;
        if (allocation.Einddatum is not { } end || end < allocation.Ingangsdatum) return null;

        var period = new DatePeriod(allocation.Ingangsdatum, end);
        return allocation.Frequentie switch
        {
            OmvangCodes.PerDag => period.Days * volume,
            OmvangCodes.PerWeek when allocation.Uitvoeringsvariant == Uitvoeringsvariant.Outputgericht =>
                (period.Sundays + (end.DayOfWeek == DayOfWeek.Sunday ? 0 : 1)) * volume,
            OmvangCodes.PerWeek => period.CalendarWeeksTouched * volume,
            OmvangCodes.PerMaand => period.MonthsTouched * volume,
            _ => null,
        };
    }

    /// <summary>True when at least one day of <paramref name="month"/> lies within the allocation.</summary>
    public static bool Covers(AllocationSnapshot allocation, ServiceMonth month) =>
        month.Period.Intersect(allocation.PeriodUntil(month.LastDay)) is not null;

    private static bool IsKnownFrequentie(string? frequentie) =>
        frequentie is OmvangCodes.PerDag or OmvangCodes.PerWeek or OmvangCodes.PerMaand or OmvangCodes.Totaal;

    private static long WeeksInMonth(AllocationSnapshot allocation, DatePeriod within)
    {
        if (allocation.Uitvoeringsvariant == Uitvoeringsvariant.Inspanningsgericht)
        {
            // IV077 (iWmo): household help may be declared flexibly, at most six weekly volumes in any month.
            return allocation.Standard == Standard.IWmo && allocation.ProductCategorie == "01" ? 6 : within.CalendarWeeksTouched;
        }

        var weeks = within.Sundays;
        if (allocation.Einddatum is { } end && end >= allocation.Ingangsdatum && end.DayOfWeek != DayOfWeek.Sunday)
        {
            // The broken last week is added to the period of the allocation's last Sunday (or, when it has none, its last day).
            var lastSunday = end.AddDays(-(int)end.DayOfWeek);
            var anchor = lastSunday >= allocation.Ingangsdatum ? lastSunday : end;
            if (within.Contains(anchor)) weeks++;
        }
        return weeks;
    }
}
