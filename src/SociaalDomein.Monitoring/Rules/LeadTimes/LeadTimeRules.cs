namespace SociaalDomein.Monitoring.Rules.LeadTimes;

/// <summary>
/// The time limits of the message traffic: given the relevant dates (Dutch calendar days), says whether an answer is
/// pending, overdue (the LeadTime alert holds), or came in time or late, and by how many days.
/// </summary>
public static class LeadTimeRules
{
    private static readonly LeadTimeOptions Defaults = new();

    /// <summary>
    /// The general rule: the term runs from <paramref name="start"/>; an answer on or before the deadline is in time.
    /// On <paramref name="asOf"/> (the day as a whole), an unanswered term is overdue once the deadline lies before it.
    /// An answer dated after <paramref name="asOf"/> is not known yet and is ignored.
    /// </summary>
    public static LeadTimeCheck Evaluate(LeadTimeRule rule, LeadTimeTerm term, DateOnly start, DateOnly? answeredOn, DateOnly asOf)
    {
        var deadline = term.DeadlineFrom(start);
        var answered = answeredOn <= asOf ? answeredOn : null;
        var (status, overdue) = answered switch
        {
            { } on when on <= deadline => (LeadTimeStatus.AnsweredInTime, 0),
            { } on => (LeadTimeStatus.AnsweredLate, term.DaysBetween(deadline, on)),
            null when asOf > deadline => (LeadTimeStatus.Overdue, term.DaysBetween(deadline, asOf)),
            null => (LeadTimeStatus.Pending, 0),
        };
        return new LeadTimeCheck(rule, term, start, deadline, answered, asOf, status, overdue);
    }

    /// <summary>OP090: a retour within 3 working days of the day the message was received.</summary>
    public static LeadTimeCheck Retour(DateOnly receivedOn, DateOnly? retourOn, DateOnly asOf, LeadTimeOptions? options = null) =>
        Evaluate(LeadTimeRule.Retour, (options ?? Defaults).TermOf(LeadTimeRule.Retour), receivedOn, retourOn, asOf);

    /// <summary>A 325 within 10 working days of the day the 323 was received.</summary>
    public static LeadTimeCheck DeclarationAnswer(DateOnly declarationReceivedOn, DateOnly? answerOn, DateOnly asOf, LeadTimeOptions? options = null) =>
        Evaluate(LeadTimeRule.DeclarationAnswer, (options ?? Defaults).TermOf(LeadTimeRule.DeclarationAnswer), declarationReceivedOn, answerOn, asOf);

    /// <summary>
    /// A 305 within 5 working days of the actual start (its Begindatum). Only known once the 305 is there, so it is
    /// always answered: in time or late. A missing 305 is <see cref="AllocationWithoutStart"/>.
    /// </summary>
    public static LeadTimeCheck StartReport(DateOnly begindatum, DateOnly receivedOn, LeadTimeOptions? options = null) =>
        Evaluate(LeadTimeRule.StartReport, (options ?? Defaults).TermOf(LeadTimeRule.StartReport), begindatum, receivedOn, receivedOn);

    /// <summary>A 307 within 5 working days of the actual end of care (its Einddatum); always answered, like <see cref="StartReport"/>.</summary>
    public static LeadTimeCheck StopReport(DateOnly einddatum, DateOnly receivedOn, LeadTimeOptions? options = null) =>
        Evaluate(LeadTimeRule.StopReport, (options ?? Defaults).TermOf(LeadTimeRule.StopReport), einddatum, receivedOn, receivedOn);

    /// <summary>The municipality answers a 315/317 within 5 working days of receiving it, with a 301 or a 319 (either counts).</summary>
    /// <param name="answeredOn">The day of the first 301 or 319 that answers the request (same ReferentieAanbieder).</param>
    public static LeadTimeCheck RequestAnswer(DateOnly requestReceivedOn, DateOnly? answeredOn, DateOnly asOf, LeadTimeOptions? options = null) =>
        Evaluate(LeadTimeRule.RequestAnswer, (options ?? Defaults).TermOf(LeadTimeRule.RequestAnswer), requestReceivedOn, answeredOn, asOf);

    /// <summary>
    /// A 305 follows a 301 within N calendar days. The term starts when the allocation takes effect, or when the 301
    /// arrived if that is later: an allocation for next month is not late this month.
    /// </summary>
    /// <param name="startReportedOn">The day the first 305 arrived (or the allocation was withdrawn), or null.</param>
    public static LeadTimeCheck AllocationWithoutStart(
        DateOnly allocationReceivedOn, DateOnly ingangsdatum, DateOnly? startReportedOn, DateOnly asOf, LeadTimeOptions? options = null)
    {
        var start = ingangsdatum > allocationReceivedOn ? ingangsdatum : allocationReceivedOn;
        return Evaluate(LeadTimeRule.AllocationWithoutStart, (options ?? Defaults).TermOf(LeadTimeRule.AllocationWithoutStart), start, startReportedOn, asOf);
    }
}
