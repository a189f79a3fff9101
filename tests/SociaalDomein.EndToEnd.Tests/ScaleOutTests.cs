using Microsoft.Extensions.Logging;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Messages.Writing;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.EndToEnd.Tests;

/// <summary>Silos and workers as separate hosts, one cluster through the membership table in PostgreSQL.</summary>
[Trait("Category", "Fault")]
public sealed class ScaleOutTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-e2e-scale-");

    [Fact]
    public async Task Two_silos_and_a_separate_worker_keep_totals_exact_when_one_silo_stops_mid_stream()
    {
        var scenario = ScenarioGenerator.Generate(ScenarioOptions.Demo with { ProviderCount = 6, Months = 2 });
        var files = scenario.Messages.Select(m =>
        {
            var path = Path.Combine(_work.FullName, m.Name);
            File.WriteAllBytes(path, MessageWriter.Write(m.Message));
            return path;
        }).ToList();
        var half = files.Count / 2;

        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("scale_out");
        var common = new Dictionary<string, string?>(infrastructure.Settings) { ["Orleans:Membership"] = "postgres" };
        Dictionary<string, string?> As(string roles) => new(common) { ["SociaalDomein:Roles"] = roles };
        static void Quiet(ILoggingBuilder l) => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error);

        var silo1 = await PipelineSession.StartAsync(As("silo"), Quiet);
        await using var silo2 = await PipelineSession.StartAsync(As("silo"), Quiet);
        await using var worker = await PipelineSession.StartAsync(As("worker,alerts"), Quiet);
        await worker.LoadCeilingsAsync(scenario.Ceilings.Select(c =>
            new BudgetCeiling(new ContractKey(c.MunicipalityCode, c.ProviderAgb), c.Year, c.ProductCategorie, c.CeilingCents)).ToList());

        var firstHalf = await worker.PublishAsync(files.Take(half));
        await worker.WaitUntilProcessedAsync(firstHalf, TimeSpan.FromMinutes(3));
        await silo1.DisposeAsync(); // its grains move to the other silo on their next call
        var secondHalf = await worker.PublishAsync(files.Skip(half));
        await worker.WaitUntilProcessedAsync(secondHalf, TimeSpan.FromMinutes(3));

        var report = await worker.BuildReportAsync();
        Assert.Equal(scenario.Expected.UniqueMessageCount, report.Messages.Accepted);
        Assert.All(report.Totals, t => Assert.True(t.Reconciled, $"{t.Municipality}:{t.Provider} grain {t.DeclaredCents} ≠ ledger {t.LedgerCents}"));
        Assert.All(scenario.Expected.DeclaredCents, e => Assert.Equal(e.Value,
            report.Totals.Single(t => t.Municipality == e.Key.MunicipalityCode && t.Provider == e.Key.ProviderAgb && t.Year == e.Key.Year).DeclaredCents));
    }

    public void Dispose() => _work.Delete(recursive: true);
}
