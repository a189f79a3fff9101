using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;
using SociaalDomein.Fault.Tests.Infrastructure;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Fault.Tests;

/// <summary>
/// Beyond the end-to-end privacy scan (logs, tables, alert topic): every span and metric the process emits, the headers
/// of the dead-letter topic, every reporting view, and the logs of a worker in a process of its own, for any input BSN.
/// </summary>
[Trait("Category", "Security")]
[Collection(FaultCollection.Name)]
public sealed class PrivacyScanTests(UndisturbedRun undisturbed) : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-fault-privacy-");

    [Fact]
    public async Task No_input_BSN_appears_in_any_span_metric_log_topic_header_table_or_view()
    {
        var stream = undisturbed.Stream;
        var bsns = stream.Scenario.Messages.Select(m => m.Message).SelectMany(m => m switch
        {
            ToewijzingMessage t => t.Clients.Select(c => c.Bsn),
            DeclaratieMessage d => d.Clients.Select(c => c.Bsn),
            _ => [],
        }).Select(b => b.RevealForPseudonymisation()).ToHashSet();
        Assert.NotEmpty(bsns);
        // A refused message with a BSN in it (elfproef fails): its dead-letter reason must not quote the number.
        var declaration = stream.Files.First(f => File.ReadAllText(f).Contains(bsns.First(), StringComparison.Ordinal));
        var badBsn = Path.Combine(_work.FullName, "zz_bad_bsn.xml");
        File.WriteAllText(badBsn, File.ReadAllText(declaration).Replace(bsns.First(), "123456789", StringComparison.Ordinal));
        bsns.Add("123456789");

        var written = new ConcurrentQueue<(string Where, string Text)>();
        using var spans = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => written.Enqueue(($"span {a.Source.Name}/{a.OperationName}", Describe(a))),
        };
        ActivitySource.AddActivityListener(spans);
        using var metrics = new MeterListener();
        metrics.InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument);
        metrics.SetMeasurementEventCallback<long>((i, v, tags, _) => written.Enqueue(($"metric {i.Meter.Name}/{i.Name}", Describe(i, tags))));
        metrics.SetMeasurementEventCallback<double>((i, v, tags, _) => written.Enqueue(($"metric {i.Meter.Name}/{i.Name}", Describe(i, tags))));
        metrics.SetMeasurementEventCallback<int>((i, v, tags, _) => written.Enqueue(($"metric {i.Meter.Name}/{i.Name}", Describe(i, tags))));
        metrics.Start();
        var logs = new CapturingLoggerProvider();

        await using var cluster = await FaultCluster.StartAsync("privacy_scan");
        await cluster.StoreCeilingsAsync(stream.Ceilings);
        await using (var silo = await PipelineSession.StartAsync(cluster.As("silo"), l => l.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs)))
        {
            await cluster.PublishAsync([.. stream.Files, badBsn]);
            // The worker in a process of its own, everything at Trace: its whole output is scanned too.
            var worker = cluster.Start("worker", new Dictionary<string, string?>(cluster.As("worker,alerts")) { ["Logging:LogLevel:Default"] = "Trace" });
            await cluster.WaitUntilDoneAsync(stream.Files.Count + 1, TimeSpan.FromMinutes(2), worker);
            metrics.RecordObservableInstruments();
            Assert.NotEmpty((await silo.BuildReportAsync()).Alerts);
            await worker.TerminateAsync(TimeSpan.FromSeconds(60));
            foreach (var line in worker.Output.Split('\n')) written.Enqueue(("worker process output", line));
        }

        foreach (var line in logs.Lines) written.Enqueue(("log", line));
        foreach (var row in await EveryRowAsync(cluster.Infrastructure.Postgres.ConnectionString)) written.Enqueue(row);
        foreach (var alert in TopicKeys.ReadAll(cluster.Infrastructure.Kafka.BootstrapServers, Topics.Alerts))
            written.Enqueue(("topic sd.alerts", alert.Message.Key + Encoding.UTF8.GetString(alert.Message.Value) + Headers(alert)));
        var deadLetters = TopicKeys.ReadAll(cluster.Infrastructure.Kafka.BootstrapServers, Topics.DeadLetter);
        Assert.NotEmpty(deadLetters);
        // The dead-letter value is the refused input as received (for the sender to correct); its key and headers are ours.
        foreach (var deadLetter in deadLetters) written.Enqueue(("topic istd.deadletter key and headers", deadLetter.Message.Key + Headers(deadLetter)));

        var scanned = written.ToList();
        Assert.Contains(scanned, w => w.Where.StartsWith("span ", StringComparison.Ordinal));
        Assert.Contains(scanned, w => w.Where.StartsWith("metric ", StringComparison.Ordinal));
        Assert.Contains(scanned, w => w.Where.StartsWith("view reporting.", StringComparison.Ordinal));
        Assert.True(scanned.Count > 5_000, $"expected a substantial amount of output to scan, got {scanned.Count} items");
        var leaks = scanned.Where(w => bsns.Any(b => w.Text.Contains(b, StringComparison.Ordinal))).Select(w => w.Where).Distinct().ToList();
        Assert.True(leaks.Count == 0, $"BSNs found in: {string.Join(", ", leaks)}");
    }

    private static string Describe(Activity activity) =>
        $"{activity.DisplayName} {activity.StatusDescription} " +
        string.Join(";", activity.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " +
        string.Join(";", activity.Events.Select(e => e.Name + string.Join(",", e.Tags.Select(t => $"{t.Key}={t.Value}")))) + " " +
        string.Join(";", activity.Baggage.Select(b => $"{b.Key}={b.Value}"));

    private static string Describe(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = new StringBuilder(instrument.Description);
        foreach (var tag in tags) text.Append(';').Append(tag.Key).Append('=').Append(tag.Value);
        return text.ToString();
    }

    private static string Headers(Confluent.Kafka.ConsumeResult<string?, byte[]> record) =>
        string.Join(";", record.Message.Headers.Select(h => h.Key + "=" + Encoding.UTF8.GetString(h.GetValueBytes())));

    /// <summary>Every row of every table and view in the public and reporting schemas, as text; grain state bytes as Latin-1.</summary>
    private static async Task<List<(string, string)>> EveryRowAsync(string connectionString)
    {
        var rows = new List<(string, string)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var relations = new List<(string Schema, string Name, string Type)>();
        await using (var list = new NpgsqlCommand(
                         "SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_schema IN ('public', 'reporting')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) relations.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        Assert.Contains(relations, r => r.Name == "declaration_lines");
        foreach (var (schema, name, type) in relations)
        {
            await using var command = new NpgsqlCommand($"SELECT t::text FROM \"{schema}\".\"{name}\" t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var where = type == "VIEW" ? $"view {schema}.{name}" : $"table {schema}.{name}";
            while (await reader.ReadAsync()) rows.Add((where, reader.GetString(0)));
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
