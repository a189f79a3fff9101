using System.Collections.Concurrent;
using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Ingestion.Publishing;
using SociaalDomein.Ingestion.Worker;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Storage.Ceilings;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.Host.Tests;

/// <summary>
/// SIGTERM to a real <c>sdstream serve</c> process in the middle of a stream: what it committed is exactly what it made
/// durable, and a new host on the same PostgreSQL and Kafka finishes the stream with the same result as an undisturbed run.
/// </summary>
[Trait("Category", "Operations")]
[Collection(PipelineCollection.Name)]
public sealed class GracefulShutdownTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Municipalities = ["0268", "0209", "0228"];
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-host-sigterm-");

    [Fact]
    public async Task A_host_stopped_by_SIGTERM_mid_stream_loses_and_repeats_nothing()
    {
        var files = WriteStream();
        var ceilings = Municipalities.Select(m => new BudgetCeiling(new ContractKey(m, Jw.ZorgA), 2026, null, 2_000_000)).ToList();
        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("sigterm");
        var settings = new Dictionary<string, string?>(infrastructure.Settings);

        // The undisturbed run: same messages and ceilings, its own database and broker.
        PipelineReport expected;
        using (var referenceKafka = EmbeddedKafkaCluster.Start())
        {
            var reference = new Dictionary<string, string?>(settings)
            {
                ["ConnectionStrings:Postgres"] = await infrastructure.Postgres.CreateDatabaseAsync("reference"),
                ["Kafka:BootstrapServers"] = referenceKafka.BootstrapServers,
            };
            await using var session = await PipelineSession.StartAsync(reference, l => l.SetMinimumLevel(LogLevel.Warning));
            await session.LoadCeilingsAsync(ceilings);
            await session.WaitUntilProcessedAsync(await session.PublishAsync(files), TimeSpan.FromMinutes(2));
            expected = await session.BuildReportAsync();
        }
        Assert.Equal((files.Count - 3L, 2L), (expected.Messages.Accepted, expected.Messages.DeadLettered)); // the resent copy is one message

        // The disturbed run: the stream waits in Kafka, the ceilings in PostgreSQL, when `sdstream serve` starts.
        await using var database = NpgsqlDataSource.Create(infrastructure.Postgres.ConnectionString);
        await new MigrationRunner(database).MigrateAsync();
        var ceilingStore = new PostgresCeilingStore(database);
        foreach (var ceiling in ceilings) await ceilingStore.UpsertAsync(ceiling);
        IReadOnlyList<TopicPartitionOffset> published;
        using (var publisher = new MessagePublisher(new KafkaOptions { BootstrapServers = infrastructure.Kafka.BootstrapServers }))
            published = await publisher.PublishFilesAsync(Topics.Ijw, files);

        // Few lanes and a small in-flight bound: a stop then finds records running and waiting in the lanes, which it
        // finishes, while most of the stream is still in Kafka.
        using var serve = ServeProcess.Start(new Dictionary<string, string?>(settings)
        {
            ["Kafka:WorkerLanes"] = "4",
            ["Kafka:WorkerMaxInFlight"] = "8",
        });
        await serve.WaitUntilAsync(async () => await CountAsync(database, "SELECT count(*) FROM message_log") >= files.Count / 4, TimeSpan.FromMinutes(1));
        serve.Terminate();
        var stopping = Stopwatch.StartNew();
        var exitCode = await serve.WaitForExitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"sdstream serve exited {stopping.Elapsed.TotalSeconds:0.0} s after SIGTERM with code {exitCode}:\n{serve.Output}");

        Assert.True(exitCode == 0, $"sdstream serve exited with {exitCode}:\n{serve.Output}");
        // The final commit ran. It may find nothing new: the auto-commit (every second) can have taken the stored offsets
        // of the records the stop finished just before it; what counts is checked below, committed = durable.
        Assert.True(serve.Output.Contains("Committed", StringComparison.Ordinal) || serve.Output.Contains("No new offsets to commit", StringComparison.Ordinal),
            $"no final commit in the output:\n{serve.Output}");
        Assert.Contains("Left consumer group sd-ingestion", serve.Output, StringComparison.Ordinal);
        // What the stopped host committed per partition is exactly what it made durable: every offset below it, none above.
        var committed = Committed(infrastructure.Kafka.BootstrapServers, published.Select(p => p.TopicPartition).Distinct().ToList());
        var logged = await LoggedPerPartitionAsync(database);
        foreach (var (partition, next) in committed)
            Assert.Equal((next, next), logged.GetValueOrDefault(partition.Partition.Value, (0L, 0L)));
        var doneBeforeStop = committed.Values.Sum();
        Assert.InRange(doneBeforeStop, files.Count / 4, files.Count - 1);
        output.WriteLine($"{doneBeforeStop} of {files.Count} records done and committed before the stop");

        // A new host on the same PostgreSQL and Kafka picks up exactly where the stopped one committed.
        await using (var session = await PipelineSession.StartAsync(settings, l => l.SetMinimumLevel(LogLevel.Warning)))
        {
            // Only partitions with records left: a partition the stopped host finished sees nothing new here.
            await session.WaitUntilProcessedAsync(published.Where(p => p.Offset.Value >= committed[p.TopicPartition]).ToList(), TimeSpan.FromMinutes(1));
            var progress = session.Services.GetRequiredService<IngestionProgress>();
            Assert.Equal(files.Count - doneBeforeStop, progress.Accepted + progress.DeadLettered);
            var report = await session.BuildReportAsync();
            Assert.Equal(expected.ToJson(), report.ToJson());
            Assert.All(report.Totals, t => Assert.True(t.Reconciled));
        }
        Assert.Equal(files.Count, await CountAsync(database, "SELECT count(*) FROM message_log"));
        Assert.Equal(await CountAsync(database, "SELECT count(*) FROM declaration_lines"), (files.Count - 3) * 2L);
        // One record per change of an alert (raised, updated, resolved), keyed by its id: every id of the report, none twice per revision.
        var alerts = ReadKeys(infrastructure.Kafka.BootstrapServers, Topics.Alerts);
        Assert.Equal(expected.Alerts.Select(a => a.Id).Order(), alerts.Distinct().Order());
        Assert.Equal(expected.Alerts.Sum(a => a.Revision ?? 1), alerts.Count);
    }

    /// <summary>
    /// 60 declarations of two lines over three contracts (one resent), two refused messages: a stream long enough to stop
    /// in the middle of, whose totals cross the ceilings' thresholds on the way.
    /// </summary>
    private List<string> WriteStream()
    {
        var month = new DateOnly(2026, 3, 1);
        var files = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var municipality = Municipalities[i % Municipalities.Length];
            var day = new DateOnly(2026, 4, 1).AddDays(i / 3);
            files.Add(Jw.WriteFile(_work, $"{i:000}.xml", Jw.Declaratie323(municipality, $"D-{i}", day, month,
                Jw.Debit($"R{i}A", month, 10 + i % 7, 9_500), Jw.Debit($"R{i}B", month, 4, 12_000))));
            if (i == 20) files.Add(Jw.WriteFile(_work, $"{i:000}b.xml", Jw.BrokenDeclaratie323($"X-{i}", day, month)));
            if (i == 40) files.Add(Jw.WriteFile(_work, $"{i:000}c.xml", File.ReadAllBytes(files[10])));
        }
        files.Add(Jw.WriteFile(_work, "999.xml", Jw.BrokenDeclaratie323("X-99", new DateOnly(2026, 5, 1), month)));
        return files;
    }

    private static Dictionary<TopicPartition, long> Committed(string bootstrapServers, List<TopicPartition> partitions)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "sd-ingestion" }).Build();
        return consumer.Committed(partitions, TimeSpan.FromSeconds(10))
            .ToDictionary(c => c.TopicPartition, c => c.Offset == Offset.Unset ? 0 : c.Offset.Value);
    }

    /// <summary>Per partition: how many records the message log holds, and the offset after the highest one.</summary>
    private static async Task<Dictionary<int, (long Count, long Next)>> LoggedPerPartitionAsync(NpgsqlDataSource database)
    {
        var logged = new Dictionary<int, (long, long)>();
        await using var command = database.CreateCommand("SELECT source_partition, count(*), max(source_offset) + 1 FROM message_log GROUP BY 1");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) logged[reader.GetInt32(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        return logged;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static List<string> ReadKeys(string bootstrapServers, string topic)
    {
        using var consumer = new ConsumerBuilder<string, Ignore>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "test-reader-" + Guid.NewGuid(),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        }).Build();
        consumer.Subscribe(topic);
        var keys = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var ended = new HashSet<int>();
        while (DateTime.UtcNow < deadline)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (record is null) continue;
            if (record.IsPartitionEOF)
            {
                ended.Add(record.Partition.Value);
                if (ended.SetEquals(consumer.Assignment.Select(p => p.Partition.Value))) break;
                continue;
            }
            keys.Add(record.Message.Key);
        }
        consumer.Close();
        return keys;
    }

    public void Dispose() => _work.Delete(recursive: true);

    /// <summary><c>dotnet sdstream.dll serve</c> with the settings as environment variables, its output kept.</summary>
    private sealed class ServeProcess : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _output = new();

        private ServeProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output => string.Join("\n", _output);

        public static ServeProcess Start(IReadOnlyDictionary<string, string?> settings)
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sdstream.dll"), "serve"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Logging__LogLevel__SociaalDomein.Ingestion.Worker"] = "Information";
            return new ServeProcess(Process.Start(start)!);
        }

        public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!await condition())
            {
                if (_process.HasExited) throw new InvalidOperationException($"sdstream serve exited with {_process.ExitCode}:\n{Output}");
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"sdstream serve did not get there in {timeout}:\n{Output}");
                await Task.Delay(50);
            }
        }

        /// <summary>SIGTERM, as `docker stop` and Kubernetes send it.</summary>
        public void Terminate()
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        public async Task<int> WaitForExitAsync(TimeSpan timeout)
        {
            using var cancellation = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(cancellation.Token);
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
