using SociaalDomein.Simulation.Providers;

namespace SociaalDomein.Simulation.Scenarios;

/// <summary>A generated scenario held in memory: the messages in publish order, the ceilings and the totals to expect.</summary>
public sealed class Scenario(
    ScenarioOptions options,
    IReadOnlyList<SimulatedProvider> providers,
    IReadOnlyList<ScenarioMessage> messages,
    IReadOnlyList<ScenarioCeiling> ceilings,
    ExpectedTotals expected)
{
    public ScenarioOptions Options { get; } = options;

    /// <summary>The fictitious providers, largest first.</summary>
    public IReadOnlyList<SimulatedProvider> Providers { get; } = providers;

    /// <summary>In publish order (= order of <see cref="ScenarioMessage.Name"/>): every 301 before the declarations that use it.</summary>
    public IReadOnlyList<ScenarioMessage> Messages { get; } = messages;

    /// <summary>One ceiling per contract for the year, plus a category ceiling for some contracts.</summary>
    public IReadOnlyList<ScenarioCeiling> Ceilings { get; } = ceilings;

    public ExpectedTotals Expected { get; } = expected;

    /// <summary>The scenario end date: the publish day of the last message (all traffic has arrived by then).</summary>
    public DateOnly EndDate { get; } = messages.Count == 0 ? options.PeriodEnd : messages[^1].PublishDate;

    /// <summary>
    /// The lead-time figures a correct monitor shows on <see cref="EndDate"/>, with N = <paramref name="startWithinDays"/> in
    /// "a 301 without 305 after N days". See <see cref="ExpectedLeadTimes"/> for the rules; use its <c>From</c> for another day.
    /// </summary>
    public ExpectedLeadTimes ExpectedLeadTimes(int startWithinDays) => Scenarios.ExpectedLeadTimes.From(Messages, EndDate, startWithinDays);

    /// <inheritdoc cref="ScenarioCeiling.WriteCsv"/>
    public void WriteCeilingsCsv(TextWriter writer) => ScenarioCeiling.WriteCsv(Ceilings, writer);
}
