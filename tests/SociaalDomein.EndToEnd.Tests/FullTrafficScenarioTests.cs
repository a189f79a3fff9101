using SociaalDomein.Cli.Commands;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Simulation.Scenarios;
using Xunit.Abstractions;

namespace SociaalDomein.EndToEnd.Tests;

/// <summary>
/// Half a year of the demo region with all its message traffic (301, 305, 307, 315, 317, 319, 323, 325) through
/// <c>sdstream replay</c>: the monitor's totals and its LeadTime alerts must be exactly what the generator knows it sent.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class FullTrafficScenarioTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-full-");

    [Fact]
    public async Task Every_total_and_every_overdue_answer_of_the_full_traffic_is_exactly_what_was_sent()
    {
        var generator = new ScenarioGenerator(ScenarioOptions.DemoFullTraffic);
        var files = ScenarioFiles.Write(generator, _work);
        var ceilings = CeilingsCsv.ParseFile(Path.Combine(_work.FullName, ScenarioFiles.CeilingsFileName));
        var messages = generator.StreamMessages().ToList();
        var asOf = messages.Max(m => m.Message.Header.Dagtekening);

        var report = await ReplayCommand.RunPipelineAsync(files, ceilings, TimeSpan.FromMinutes(10), verbose: false, progress: null,
            CancellationToken.None, asOf);

        // The money: every contract total equals the ledger and the generator's own count.
        var expected = ExpectedTotals.From(messages);
        Assert.All(report.Totals, t => Assert.True(t.Reconciled && t.DeclaredCents == expected.DeclaredFor(t.Municipality, t.Provider, t.Year),
            $"{t.Municipality}:{t.Provider} {t.Year}: {t.DeclaredCents} declared, {t.LedgerCents} in the ledger, {expected.DeclaredFor(t.Municipality, t.Provider, t.Year)} sent"));
        Assert.Equal(0, report.Messages.DeadLettered);

        // The time limits, as of the last message's day, per contract and rule.
        var leadTimes = ExpectedLeadTimes.From(messages, asOf, startWithinDays: 30);
        var open = report.Alerts.Where(a => a is { Kind: "LeadTime", Status: "open" })
            .GroupBy(a => (a.Municipality, a.Provider, Rule: a.Id.Split(':')[3]))
            .ToDictionary(g => g.Key, g => g.Count());
        var want = leadTimes.ByContract
            .SelectMany(c => new[]
            {
                ((c.Key.MunicipalityCode, c.Key.ProviderAgb, Rule: "request-answer"), c.Value.RequestsUnanswered),
                ((c.Key.MunicipalityCode, c.Key.ProviderAgb, Rule: "allocation-without-start"), c.Value.AllocationsWithoutStart),
                ((c.Key.MunicipalityCode, c.Key.ProviderAgb, Rule: "declaration-answer"), c.Value.DeclarationsUnanswered),
            })
            .Where(x => x.Item2 > 0)
            .ToDictionary(x => x.Item1, x => x.Item2);
        output.WriteLine($"as of {asOf:yyyy-MM-dd}: {leadTimes.Total}");
        output.WriteLine($"alerts by kind: {string.Join(", ", report.AlertKinds!.Select(k => $"{k.Kind} {k.Open} open/{k.Resolved} resolved"))}");
        Assert.Equal(want.OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal), open.OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal));
        Assert.True(want.Values.Sum() > 10, "the scenario should have overdue answers to find");
    }

    public void Dispose() => _work.Delete(recursive: true);
}
