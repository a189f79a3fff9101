using SociaalDomein.Monitoring.Rules.LeadTimes;

namespace SociaalDomein.Monitoring.Traffic;

/// <summary>
/// Something the message traffic waits for, or the arrival of what it waited for: a 315/317 awaiting a 301 or 319,
/// a 301 awaiting its 305, a 323 awaiting its 325. Either half may arrive first; the store joins them by rule and reference.
/// </summary>
/// <param name="Reference">What the answer names: a ReferentieAanbieder, "standard:ToewijzingNummer", or the 323's message id.</param>
/// <param name="StartDay">The day the term runs from (the request's Dagtekening, ...); null when this is only the answer.</param>
/// <param name="MessageId">The message that started the term.</param>
/// <param name="AnsweredOn">The day of the answer; null while none has arrived.</param>
/// <param name="AnswerMessageId">The message that answered.</param>
[GenerateSerializer, Immutable]
public sealed record AwaitedAnswer(
    [property: Id(0)] LeadTimeRule Rule,
    [property: Id(1)] string Reference,
    [property: Id(2)] DateOnly? StartDay,
    [property: Id(3)] string? MessageId,
    [property: Id(4)] DateOnly? AnsweredOn,
    [property: Id(5)] string? AnswerMessageId)
{
    public static AwaitedAnswer Started(LeadTimeRule rule, string reference, DateOnly startDay, string messageId) =>
        new(rule, reference, startDay, messageId, null, null);

    public static AwaitedAnswer Answered(LeadTimeRule rule, string reference, DateOnly answeredOn, string messageId) =>
        new(rule, reference, null, null, answeredOn, messageId);

    /// <summary>The term runs and no answer has come.</summary>
    public bool IsOpen => StartDay is not null && AnsweredOn is null;

    public string Key => $"{RuleKey(Rule)}:{Reference}";

    /// <summary>The rule's name in the store.</summary>
    public static string RuleKey(LeadTimeRule rule) => rule switch
    {
        LeadTimeRule.RequestAnswer => "request-answer",
        LeadTimeRule.AllocationWithoutStart => "allocation-without-start",
        LeadTimeRule.DeclarationAnswer => "declaration-answer",
        LeadTimeRule.StartReport => "start-report",
        LeadTimeRule.StopReport => "stop-report",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "this lead-time rule is not tracked"),
    };

    public static LeadTimeRule ParseRule(string key) => key switch
    {
        "request-answer" => LeadTimeRule.RequestAnswer,
        "allocation-without-start" => LeadTimeRule.AllocationWithoutStart,
        "declaration-answer" => LeadTimeRule.DeclarationAnswer,
        "start-report" => LeadTimeRule.StartReport,
        "stop-report" => LeadTimeRule.StopReport,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "unknown lead-time rule"),
    };
}
