using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Rules.LeadTimes;

/// <summary>A time limit: so many working or calendar days after the day it starts (that day itself does not count).</summary>
[GenerateSerializer, Immutable]
public sealed record LeadTimeTerm([property: Id(0)] int Days, [property: Id(1)] DayCount Count)
{
    /// <summary>The last day on which the answer is in time.</summary>
    public DateOnly DeadlineFrom(DateOnly start) =>
        Count == DayCount.WorkingDays ? DutchWorkingDays.AddWorkingDays(start, Days) : start.AddDays(Days);

    /// <summary>Days after <paramref name="from"/> up to and including <paramref name="to"/>, counted the way this term counts.</summary>
    public int DaysBetween(DateOnly from, DateOnly to) =>
        Count == DayCount.WorkingDays ? DutchWorkingDays.WorkingDaysBetween(from, to) : to.DayNumber - from.DayNumber;

    public override string ToString() => $"{Days} {(Count == DayCount.WorkingDays ? "working" : "calendar")} days";
}
