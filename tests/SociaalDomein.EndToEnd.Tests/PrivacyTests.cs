using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Writing;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.EndToEnd.Tests;

/// <summary>A BSN is never logged, stored in clear or emitted: after a run, nothing the system wrote contains one.</summary>
[Trait("Category", "Security")]
public sealed class PrivacyTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-e2e-privacy-");

    [Fact]
    public async Task No_input_BSN_appears_in_logs_database_tables_or_the_alert_topic()
    {
        var scenario = ScenarioGenerator.Generate(ScenarioOptions.Demo with { ProviderCount = 6, Months = 2 });
        var bsns = scenario.Messages.Select(m => m.Message).SelectMany(m => m switch
        {
            ToewijzingMessage t => t.Clients.Select(c => c.Bsn),
            DeclaratieMessage d => d.Clients.Select(c => c.Bsn),
            _ => [],
        }).Select(b => b.RevealForPseudonymisation()).ToHashSet();
        Assert.NotEmpty(bsns);
        var files = scenario.Messages.Select(m =>
        {
            var path = Path.Combine(_work.FullName, m.Name);
            File.WriteAllBytes(path, MessageWriter.Write(m.Message));
            return path;
        }).ToList();
        // One message with a BSN that fails the elfproef: its refusal must not echo the number either.
        var declaration = scenario.Messages.First(m => m.Message is DeclaratieMessage);
        var declaredBsn = ((DeclaratieMessage)declaration.Message).Clients[0].Bsn.RevealForPseudonymisation();
        var badBsnFile = Path.Combine(_work.FullName, "zz_bad_bsn.xml");
        File.WriteAllText(badBsnFile, File.ReadAllText(Path.Combine(_work.FullName, declaration.Name)).Replace(declaredBsn, "123456789"));
        files.Add(badBsnFile);
        bsns.Add("123456789");

        var logs = new CapturingLoggerProvider();
        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("privacy");
        await using (var session = await PipelineSession.StartAsync(infrastructure.Settings,
                         l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)))
        {
            await session.LoadCeilingsAsync(scenario.Ceilings.Select(c =>
                new BudgetCeiling(new ContractKey(c.MunicipalityCode, c.ProviderAgb), c.Year, c.ProductCategorie, c.CeilingCents)).ToList());
            var published = await session.PublishAsync(files);
            await session.WaitUntilProcessedAsync(published, TimeSpan.FromMinutes(3));
            var report = await session.BuildReportAsync();
            Assert.Equal(1, report.Messages.DeadLettered);
            Assert.NotEmpty(report.Alerts);
        }

        var written = new List<(string Where, string Text)>();
        written.AddRange(logs.Lines.Select(l => ("log", l)));
        written.AddRange(await AllTableRowsAsync(infrastructure.Postgres.ConnectionString));
        var alerts = TopicReader.ReadAll(infrastructure.Kafka.BootstrapServers, Topics.Alerts, expected: 1, quiet: TimeSpan.FromSeconds(2));
        Assert.NotEmpty(alerts);
        written.AddRange(alerts.Select(a => ("topic sd.alerts", Encoding.UTF8.GetString(a.Message.Value))));
        Assert.True(written.Count > 1_000, $"expected a substantial amount of output to scan, got {written.Count} items");

        var leaks = written.Where(w => bsns.Any(b => w.Text.Contains(b, StringComparison.Ordinal))).Select(w => w.Where).Distinct().ToList();
        Assert.True(leaks.Count == 0, $"BSNs found in: {string.Join(", ", leaks)}");
    }

    private static async Task<List<(string, string)>> AllTableRowsAsync(string connectionString)
    {
        var rows = new List<(string, string)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        Assert.Contains("declaration_lines", tables);
        foreach (var table in tables)
        {
            // Row as text, with bytea (grain state) decoded as Latin-1 so digits inside binary state are visible too.
            await using var command = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(($"table {table}", reader.GetString(0)));
        }
        await using (var state = new NpgsqlCommand("SELECT state FROM grain_state WHERE state IS NOT NULL", connection))
        await using (var reader = await state.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) rows.Add(("grain_state bytes", Encoding.Latin1.GetString((byte[])reader[0])));
        }
        return rows;
    }

    public void Dispose() => _work.Delete(recursive: true);
}
