namespace SociaalDomein.Monitoring.Rules.LeadTimes;

/// <summary>The outcome of one time limit, with the dates behind it.</summary>
/// <param name="Start">The day the term starts from (receipt, actual start/stop, effective allocation).</param>
/// <param name="Deadline">The last day on which the answer is in time.</param>
/// <param name="AnsweredOn">The day the answer arrived, or null.</param>
/// <param name="OverdueDays">
/// Days past the deadline (counted as the term counts), up to the answer or the as-of day; 0 when in time.
/// A working-day term is overdue from the day after its deadline, but a weekend adds no overdue working days.
/// </param>
[GenerateSerializer, Immutable]
public sealed record LeadTimeCheck(
    [property: Id(0)] LeadTimeRule Rule,
    [property: Id(1)] LeadTimeTerm Term,
    [property: Id(2)] DateOnly Start,
    [property: Id(3)] DateOnly Deadline,
    [property: Id(4)] DateOnly? AnsweredOn,
    [property: Id(5)] DateOnly AsOf,
    [property: Id(6)] LeadTimeStatus Status,
    [property: Id(7)] int OverdueDays)
{
    /// <summary>True while the answer is missing past the deadline; false once answered (the alert resolves, late or not).</summary>
    public bool AlertHolds => Status == LeadTimeStatus.Overdue;

    public bool WasLate => Status is LeadTimeStatus.Overdue or LeadTimeStatus.AnsweredLate;
}
