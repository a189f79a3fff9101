using SociaalDomein.Messages.Model;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Tests;

/// <summary>
/// The full-traffic demo's figures, pinned for the monitor's tests (issue #5): message counts per type and the lead-time
/// figures a correct monitor shows. A deliberate change to the generator changes them; update them here and in the README.
/// </summary>
[Collection(FullTrafficScenarioCollection.Name)]
public sealed class FullTrafficFiguresTests(FullTrafficScenario full)
{
    [Fact]
    public void The_full_traffic_demo_has_the_demos_declarations_and_these_messages_per_type()
    {
        var scenario = full.Scenario;
        var perType = string.Join(", ", scenario.Messages.GroupBy(m => (int)m.Message.Type).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}: {g.Count()}"));

        Assert.Equal("301: 1577, 305: 1481, 307: 696, 315: 375, 317: 69, 319: 70, 323: 721, 325: 701", perType);
        Assert.Equal((5690, 5673, 17), (scenario.Expected.MessageCount, scenario.Expected.UniqueMessageCount, scenario.Messages.Count(m => m.IsResend)));
        Assert.Equal((5277, 5228, 5_747_640_22), (scenario.Expected.LineCount, scenario.Expected.UniqueLineCount, scenario.Expected.TotalDeclaredCents));
        Assert.Equal(new DateOnly(2026, 7, 31), scenario.EndDate);
    }

    [Fact]
    public void On_the_end_date_a_monitor_sees_these_late_and_unanswered_requests_starts_and_declarations()
    {
        var leadTimes = full.Scenario.ExpectedLeadTimes(startWithinDays: 10);

        Assert.Equal(new ContractLeadTimes(
                Requests: 455, RequestsAnsweredOnTime: 412, RequestsAnsweredLate: 35, RequestsUnanswered: 8, RequestsOpen: 0,
                Allocations: 1594, StartsOnTime: 1491, StartsLate: 69, AllocationsWithoutStart: 34, AllocationsAwaitingStart: 0,
                Declarations: 710, DeclarationsAnsweredOnTime: 670, DeclarationsAnsweredLate: 31, DeclarationsUnanswered: 8, DeclarationsOpen: 1),
            leadTimes.Total);
        Assert.Equal(leadTimes.Total, leadTimes.ByContract.Values.Aggregate(ContractLeadTimes.Zero, (sum, c) => sum + c));
    }

    [Fact]
    public void At_the_end_of_June_the_monitor_also_sees_allocations_awaiting_their_start_and_declarations_not_yet_due()
    {
        var leadTimes = ExpectedLeadTimes.From(full.Scenario.Messages, full.Scenario.Options.PeriodEnd, startWithinDays: 10);

        Assert.Equal(new ContractLeadTimes(
                Requests: 455, RequestsAnsweredOnTime: 412, RequestsAnsweredLate: 35, RequestsUnanswered: 8, RequestsOpen: 0,
                Allocations: 1594, StartsOnTime: 1483, StartsLate: 67, AllocationsWithoutStart: 35, AllocationsAwaitingStart: 9,
                Declarations: 591, DeclarationsAnsweredOnTime: 554, DeclarationsAnsweredLate: 25, DeclarationsUnanswered: 9, DeclarationsOpen: 3),
            leadTimes.Total);
    }

    [Fact]
    public void Per_contract_figures_name_the_contracts_with_lead_time_problems()
    {
        var leadTimes = full.Scenario.ExpectedLeadTimes(startWithinDays: 10);

        var unanswered = leadTimes.ByContract.Where(c => c.Value.RequestsUnanswered > 0)
            .OrderBy(c => c.Key.ToString(), StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value.RequestsUnanswered}");
        var withoutStart = leadTimes.ByContract.Sum(c => c.Value.AllocationsWithoutStart > 0 ? 1 : 0);
        var declarationsUnanswered = leadTimes.ByContract.Where(c => c.Value.DeclarationsUnanswered > 0)
            .OrderBy(c => c.Key.ToString(), StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value.DeclarationsUnanswered}");

        Assert.Equal("0252:99258775=1 0268:99258775=1 0268:99321888=2 0268:99794371=2 1945:99321888=1 1945:99539459=1", string.Join(" ", unanswered));
        Assert.Equal(23, withoutStart);
        Assert.Equal("0225:99137625=1 0225:99562400=1 0268:99137625=1 0268:99244442=1 0268:99539459=1 0296:99127306=1 0944:99748227=1 1945:99562400=1",
            string.Join(" ", declarationsUnanswered));
    }
}
