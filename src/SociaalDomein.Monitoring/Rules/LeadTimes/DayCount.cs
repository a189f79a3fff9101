namespace SociaalDomein.Monitoring.Rules.LeadTimes;

/// <summary>How a time limit counts its days.</summary>
public enum DayCount
{
    /// <summary>Monday–Friday except public holidays (<see cref="Calendar.DutchWorkingDays"/>).</summary>
    WorkingDays,

    CalendarDays,
}
