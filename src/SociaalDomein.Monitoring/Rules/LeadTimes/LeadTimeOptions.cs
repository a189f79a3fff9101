namespace SociaalDomein.Monitoring.Rules.LeadTimes;

/// <summary>The time limits in days. The defaults are the standard's; the 301-without-305 limit is the region's choice.</summary>
public sealed class LeadTimeOptions
{
    public int RetourWorkingDays { get; set; } = 3;
    public int DeclarationAnswerWorkingDays { get; set; } = 10;
    public int StartStopReportWorkingDays { get; set; } = 5;
    public int RequestAnswerWorkingDays { get; set; } = 5;

    /// <summary>Calendar days after a 301 takes effect (or arrives, if later) within which a 305 is expected.</summary>
    public int AllocationWithoutStartCalendarDays { get; set; } = 30;

    public LeadTimeTerm TermOf(LeadTimeRule rule) => rule switch
    {
        LeadTimeRule.Retour => new(RetourWorkingDays, DayCount.WorkingDays),
        LeadTimeRule.DeclarationAnswer => new(DeclarationAnswerWorkingDays, DayCount.WorkingDays),
        LeadTimeRule.StartReport or LeadTimeRule.StopReport => new(StartStopReportWorkingDays, DayCount.WorkingDays),
        LeadTimeRule.RequestAnswer => new(RequestAnswerWorkingDays, DayCount.WorkingDays),
        LeadTimeRule.AllocationWithoutStart => new(AllocationWithoutStartCalendarDays, DayCount.CalendarDays),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown lead-time rule"),
    };
}
