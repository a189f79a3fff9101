namespace SociaalDomein.Monitoring.Rules.LeadTimes;

/// <summary>Where a time limit stands on the as-of day.</summary>
public enum LeadTimeStatus
{
    /// <summary>Not answered yet, and the deadline has not passed.</summary>
    Pending,

    /// <summary>Not answered, and the deadline has passed: the LeadTime alert holds.</summary>
    Overdue,

    AnsweredInTime,

    /// <summary>Answered after the deadline: a late message to count, no longer an open alert.</summary>
    AnsweredLate,
}
