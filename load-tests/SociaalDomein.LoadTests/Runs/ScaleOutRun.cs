using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using SociaalDomein.Host.Composition;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.LoadTests.Measurement;
using SociaalDomein.LoadTests.Processes;
using SociaalDomein.LoadTests.Production;
using SociaalDomein.LoadTests.Results;
using SociaalDomein.LoadTests.Scenarios;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Simulation.Scenarios;
using SociaalDomein.Storage.Ceilings;
using SociaalDomein.Storage.Embedded;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.LoadTests.Runs;

/// <summary>
/// Scale-out for real (issue 7 §5): a private PostgreSQL and the mock Kafka cluster in this process, then two silo and
/// two worker processes (<c>sdstream serve</c>, Orleans membership in PostgreSQL) that know each other only through
/// those two. The allocations go first (not measured), then the declarations as fast as the pipeline takes them (the
/// producer stays at most <see cref="Backlog"/> records ahead); when set shares of them are
/// durable, one silo and one worker are SIGKILLed (and, unless told otherwise, replaced a few seconds later).
/// Throughput is read from the database afterwards in 5 s buckets; at the end the totals must be exact.
/// </summary>
public sealed class ScaleOutRun(HarnessOptions options, LoadScenario scenario)
{
    private const int Silos = 2;
    private const int Workers = 2;
    private const double RecoveryShare = 0.8;
    private static readonly TimeSpan Bucket = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Records produced but not yet durable, at most. The mock broker drops the oldest records of a partition once its log
    /// is large (a 30 000-record backlog on 6 partitions lost records), so the producer keeps the workers saturated with
    /// this much and no more; 1 223 declarations on 6 partitions were safe in the month-start-peak runs.
    /// </summary>
    private const long Backlog = 1_000;

    private readonly List<ServeProcess> _processes = [];

    /// <summary>Each child's whole output, one file per process, kept after the run for reading what a kill did.</summary>
    private readonly string _logDirectory = Path.Combine(Path.GetTempPath(), $"sd-scaleout-{DateTime.UtcNow:yyyyMMdd-HHmmss}");

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        if (options.BootstrapServers is not null)
            throw new ArgumentException("scale-out runs on the embedded mock cluster only (the child processes get its address).");
        var runAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineState.LoadAverages();
        var notes = new List<string>();
        Log($"{scenario.Name}: {scenario.Description}");
        var generator = new ScenarioGenerator(scenario.Options);
        var ceilings = generator.Ceilings
            .Select(c => new BudgetCeiling(new ContractKey(c.MunicipalityCode, c.ProviderAgb), c.Year, c.ProductCategorie, c.CeilingCents))
            .ToList();
        // Counted beforehand (generated, not written), so that the kills can come at their share while the producer still runs.
        var plannedDeclarations = generator.StreamMessages().Count(m => m.Message is DeclaratieMessage);
        Log($"planned: {generator.Providers.Count} providers, {ceilings.Count} ceilings, {scenario.Options.Months} month(s), {plannedDeclarations} declarations");

        await using var postgres = await PrivatePostgres.StartAsync("scaleout", cancellationToken: cancellationToken);
        using var cluster = await EmbeddedKafkaCluster.StartAsync(options.Partitions, [Topics.Ijw, Topics.Alerts, Topics.DeadLetter]);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        await new MigrationRunner(dataSource).MigrateAsync(cancellationToken);
        // Contract grains read their ceilings when they activate, wherever that is.
        var ceilingStore = new PostgresCeilingStore(dataSource);
        foreach (var ceiling in ceilings) await ceilingStore.UpsertAsync(ceiling, cancellationToken);

        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{SociaalDomeinHost.PostgresConnectionStringName}"] = postgres.ConnectionString,
            ["Kafka:BootstrapServers"] = kafka.BootstrapServers,
            ["Kafka:SessionTimeoutMs"] = options.SessionTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:Membership"] = "postgres",
            ["Orleans:SiloPort"] = "0",
            ["Orleans:GatewayPort"] = "0",
            ["Http:Urls"] = "http://127.0.0.1:0",
            // One key for the whole cluster: every process must pseudonymise a BSN the same way.
            ["Privacy:BsnKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Privacy:BsnKeyId"] = "scaleout",
        };

        var sampler = new Timer(_ => SampleProcesses(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        try
        {
            return await RunClusterAsync(generator, plannedDeclarations, settings, dataSource, kafka, postgres, runAt, loadAtStart, notes, cancellationToken);
        }
        finally
        {
            await sampler.DisposeAsync();
            foreach (var process in _processes) process.Dispose();
        }
    }

    private async Task<ScenarioResult> RunClusterAsync(ScenarioGenerator generator, long declarations, Dictionary<string, string?> settings, NpgsqlDataSource dataSource, KafkaOptions kafka,
        PrivatePostgres postgres, DateTimeOffset runAt, double[] loadAtStart, List<string> notes, CancellationToken cancellationToken)
    {
        Log($"process output: {_logDirectory}");
        var silos = Enumerable.Range(1, Silos).Select(i => Start($"silo {i}", "silo", settings)).ToList();
        await WaitUntilAsync(async () => await ScalarAsync(dataSource, "SELECT count(*) FROM orleans_membership WHERE status = 'Active'", cancellationToken) >= Silos,
            TimeSpan.FromMinutes(3), "two active silos", cancellationToken);
        Log($"{Silos} silos active (pids {string.Join(", ", silos.Select(s => s.Id))})");
        var workers = Enumerable.Range(1, Workers).Select(i => Start($"worker {i}", "worker,alerts", settings)).ToList();
        Log($"{Workers} workers started (pids {string.Join(", ", workers.Select(w => w.Id))}); input topic {Topics.Ijw} with {options.Partitions} partitions");

        using var producer = new ScenarioProducer(kafka, Topics.Ijw);
        producer.BeforeEachRecord = () =>
        {
            while (producer.Records.Messages - LoggedNow(dataSource) >= Backlog) Thread.Sleep(PollInterval);
        };
        var generators = new[] { generator };
        var warmUp = Stopwatch.StartNew();
        producer.Produce(generators, m => m is not DeclaratieMessage, Pacing.Burst, cancellationToken);
        var warmUpRecords = producer.Records.Messages;
        var warmUpReport = Stopwatch.StartNew();
        await WaitUntilAsync(async () =>
        {
            var done = await LoggedAsync(dataSource, cancellationToken);
            if (warmUpReport.Elapsed > TimeSpan.FromSeconds(15))
            {
                Log($"  warm-up: {done} of {warmUpRecords} allocation messages durable");
                warmUpReport.Restart();
            }
            return done >= warmUpRecords;
        }, options.Timeout, $"the {warmUpRecords} allocation messages processed", cancellationToken);
        warmUp.Stop();
        Log($"warm-up: {warmUpRecords} allocation messages processed in {warmUp.Elapsed.TotalSeconds:0} s (not measured)");

        var processMonitor = new ProcessMonitor(LivePids, postgres.DataDirectory, TimeSpan.FromMilliseconds(500));
        var measuredStart = DateTimeOffset.UtcNow;
        using var lag = new ConsumerLagMonitor(kafka, Topics.Ijw, producer.Records, measuredStart, TimeSpan.FromSeconds(1));
        var cpuAtStart = _processes.ToDictionary(p => p, p => p.CpuSeconds);
        processMonitor.Start();
        var produce = Stopwatch.StartNew();
        var producing = Task.Factory.StartNew(() => producer.Produce(generators, m => m is DeclaratieMessage, Pacing.Burst, cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var producedLogged = false;

        // Kills at shares of the durable declarations; a replacement a few seconds after each.
        var plan = new List<(double At, ServeProcess Victim)>();
        if (options.KillSiloAt is { } siloAt) plan.Add((siloAt, silos[0]));
        if (options.KillWorkerAt is { } workerAt) plan.Add((workerAt, workers[0]));
        plan.Sort((a, b) => a.At.CompareTo(b.At));
        var kills = new List<(ServeProcess Victim, double AtSeconds, long Durable)>();
        var restarts = new Dictionary<ServeProcess, double>();
        var pendingRestarts = new List<(ServeProcess Victim, DateTimeOffset Due)>();
        var deadline = Stopwatch.StartNew();
        var lastReport = Stopwatch.StartNew();
        var declaredDead = new Dictionary<ServeProcess, double>();
        while (!producing.IsCompleted || await LoggedAsync(dataSource, cancellationToken) < producer.Records.Messages)
        {
            if (producing.IsCompleted && !producedLogged)
            {
                await producing;
                produce.Stop();
                producedLogged = true;
                Log($"produced {producer.Records.Lines} lines in {producer.Records.DeclarationMessages} declarations ({produce.Elapsed.TotalSeconds:0.0} s)");
            }
            var durable = await LoggedAsync(dataSource, cancellationToken) - warmUpRecords;
            // When the cluster noticed: a killed silo's membership row turns Dead once the others have voted it out.
            foreach (var silo in kills.Select(k => k.Victim).Where(v => v.Roles == "silo" && !declaredDead.ContainsKey(v)).ToList())
            {
                if (await ScalarAsync(dataSource, "SELECT count(*) FROM orleans_membership WHERE status = 'Dead'", cancellationToken) == 0) continue;
                declaredDead[silo] = Seconds(measuredStart);
                Log($"{silo.Name} declared dead in the membership table at {declaredDead[silo]:0.0} s");
            }
            foreach (var step in plan.Where(p => durable >= p.At * declarations && kills.All(k => k.Victim != p.Victim)).ToList())
            {
                step.Victim.Kill();
                var at = (step.Victim.KilledAt!.Value - measuredStart).TotalSeconds;
                kills.Add((step.Victim, at, durable));
                Log($"SIGKILL {step.Victim.Name} (pid {step.Victim.Id}) at {at:0.0} s, {durable} of {declarations} declarations durable");
                if (options.RestartAfter is { } after) pendingRestarts.Add((step.Victim, DateTimeOffset.UtcNow + after));
            }
            foreach (var due in pendingRestarts.Where(r => r.Due <= DateTimeOffset.UtcNow).ToList())
            {
                pendingRestarts.Remove(due);
                var replacement = Start($"{due.Victim.Name} (replacement)", due.Victim.Roles, settings);
                restarts[due.Victim] = Seconds(measuredStart);
                Log($"started {replacement.Name} (pid {replacement.Id}) at {restarts[due.Victim]:0.0} s");
            }
            lock (_processes) foreach (var process in _processes) process.ThrowIfDiedUnexpectedly();
            if (lastReport.Elapsed > TimeSpan.FromSeconds(10))
            {
                Log($"  {Seconds(measuredStart):0} s: {durable} of {declarations} declarations durable");
                lastReport.Restart();
            }
            if (deadline.Elapsed > options.Timeout)
                throw new TimeoutException($"Only {durable} of {declarations} declarations were durable after {options.Timeout.TotalSeconds:0} s.");
            await Task.Delay(PollInterval, cancellationToken);
        }
        await producing;
        produce.Stop();
        if (producer.Records.DeclarationMessages != declarations)
            throw new InvalidOperationException($"Produced {producer.Records.DeclarationMessages} declarations, planned {declarations}.");
        var total = producer.Records.Messages;
        var lastLoggedAt = await LastLoggedAtAsync(dataSource, cancellationToken);
        var resources = processMonitor.Stop();
        processMonitor.Dispose();
        lag.Sample();
        var elapsed = (lastLoggedAt - measuredStart).TotalSeconds;
        var lines = producer.Records.Lines;
        var linesPerSecond = Math.Round(lines / elapsed);
        Log($"processed: {lines} lines in {elapsed:0.0} s = {linesPerSecond:0} lines/s (2 silos, 2 workers, with the kills)");

        // The exact check, through a client of the cluster as the API would ask it.
        var (exact, check) = await CheckTotalsAsync(settings, dataSource, producer.Records, cancellationToken);
        Log(check);

        var series = await ThroughputSeries.ReadAsync(dataSource, measuredStart, Bucket, cancellationToken);
        var scaleOut = Figures(series, kills, restarts, declaredDead, declarations, elapsed, measuredStart, cpuAtStart, warmUp.Elapsed, warmUpRecords);
        var pipelineCpu = scaleOut.Processes.Sum(p => p.CpuSeconds);
        resources = resources with { PipelineCpuSeconds = Math.Round(pipelineCpu, 2) };
        notes.Add("Pipeline CPU is the sum over the silo and worker processes (killed ones up to their last sample, at most 1 s " +
                  "before the kill); GC figures are the harness process's own (producer, mock broker), not the pipeline's.");
        notes.Add("Peak RSS is the largest sum of the live silo and worker processes' resident sets; the mock broker lives in the harness and is not in it.");
        var lagSamples = lag.Samples;
        var cpuTotal = pipelineCpu + resources.PostgresCpuSeconds;
        return new ScenarioResult
        {
            Scenario = scenario.Name,
            Lines = lines,
            LinesPerSecond = linesPerSecond,
            PeakRssMb = resources.PeakRssMb,
            Commit = MachineState.Commit(),
            RunAt = runAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            Mode = $"{Silos} silo + {Workers} worker `sdstream serve` processes (Orleans membership in PostgreSQL), embedded mock Kafka in the harness",
            Description = scenario.Description,
            Settings = new Dictionary<string, object?>
            {
                ["scale"] = options.Scale, ["spendScale"] = scenario.Options.SpendScale, ["providers"] = scenario.Options.ProviderCount,
                ["municipalities"] = scenario.Options.Region.Municipalities.Count, ["months"] = scenario.Options.Months,
                ["partitions"] = options.Partitions, ["seed"] = scenario.Options.Seed, ["killSiloAt"] = options.KillSiloAt,
                ["killWorkerAt"] = options.KillWorkerAt, ["restartAfterSeconds"] = options.RestartAfter?.TotalSeconds,
                ["sessionTimeoutMs"] = options.SessionTimeoutMs,
            },
            LoadAverageAtStart = loadAtStart,
            LoadAverageAtEnd = MachineState.LoadAverages(),
            Cores = MachineState.Cores,
            Messages = total - warmUpRecords,
            DeclarationMessages = declarations,
            DistinctLines = producer.Records.DistinctLines,
            MegabytesProduced = Math.Round(producer.Records.Bytes / 1048576.0, 1),
            ProduceSeconds = Math.Round(produce.Elapsed.TotalSeconds, 2),
            ElapsedSeconds = Math.Round(elapsed, 2),
            TotalsExact = exact,
            TotalsCheck = check,
            MaxConsumerLag = lagSamples.Count > 0 ? lagSamples.Max(s => s.Lag) : null,
            ConsumerLag = lagSamples,
            Resources = resources,
            LinesPerCpuSecond = cpuTotal > 0 ? Math.Round(lines / cpuTotal) : null,
            Memory = processMonitor.Samples,
            ScaleOut = scaleOut,
            Throughput = series,
            Notes = notes,
        };
    }

    private ScaleOutFigures Figures(IReadOnlyList<ThroughputBucket> series, List<(ServeProcess Victim, double AtSeconds, long Durable)> kills,
        Dictionary<ServeProcess, double> restarts, Dictionary<ServeProcess, double> declaredDead, long declarations, double elapsed, DateTimeOffset measuredStart,
        Dictionary<ServeProcess, double> cpuAtStart, TimeSpan warmUp, long warmUpRecords)
    {
        var bucket = Bucket.TotalSeconds;
        var firstKill = kills.Count > 0 ? kills.Min(k => k.AtSeconds) : elapsed;
        var before = ThroughputSeries.Rate(series, bucket, 0, firstKill);
        var killFigures = new List<KillFigures>();
        double? recoveredAtEnd = kills.Count > 0 ? firstKill : null;
        foreach (var (victim, at, durable) in kills.OrderBy(k => k.AtSeconds))
        {
            var recoveredAt = before is { } b ? ThroughputSeries.RecoveredAt(series, bucket, at, b, RecoveryShare) : null;
            var window = series.Where(s => s.FromSeconds >= at && (recoveredAt is null || s.FromSeconds < recoveredAt)).ToList();
            double stall = 0, run = 0;
            foreach (var s in window)
            {
                run = s.Records == 0 ? run + bucket : 0;
                stall = Math.Max(stall, run);
            }
            killFigures.Add(new KillFigures(victim.Name, victim.Roles, Math.Round(at, 1), durable,
                restarts.TryGetValue(victim, out var restartedAt) ? Math.Round(restartedAt, 1) : null,
                recoveredAt is { } r ? Math.Round(r - at, 1) : null,
                declaredDead.TryGetValue(victim, out var deadAt) ? Math.Round(deadAt - at, 1) : null, stall, window.Count > 0 ? window.Min(s => s.LinesPerSecond) : null));
            recoveredAtEnd = recoveredAt is { } r2 && recoveredAtEnd is { } e ? Math.Max(e, r2) : null;
        }
        var during = kills.Count > 0 ? ThroughputSeries.Rate(series, bucket, firstKill, recoveredAtEnd ?? elapsed) : null;
        var after = recoveredAtEnd is { } from ? ThroughputSeries.Rate(series, bucket, from, elapsed) : null;
        var recordsBefore = ThroughputSeries.Rate(series, bucket, 0, firstKill, b => b.Records);
        var recordsDuring = kills.Count > 0 ? ThroughputSeries.Rate(series, bucket, firstKill, recoveredAtEnd ?? elapsed, b => b.Records) : null;
        var recordsAfter = recoveredAtEnd is { } from2 ? ThroughputSeries.Rate(series, bucket, from2, elapsed, b => b.Records) : null;
        var processes = _processes.Select(p => new ProcessFigures(p.Name, p.Roles, Math.Round((p.StartedAt - measuredStart).TotalSeconds, 1),
            p.KilledAt is { } k ? Math.Round((k - measuredStart).TotalSeconds, 1) : null,
            Math.Round(p.CpuSeconds - cpuAtStart.GetValueOrDefault(p), 2), Math.Round(p.PeakRssMb, 1))).ToList();
        return new ScaleOutFigures(Silos, Workers, options.Partitions, options.SessionTimeoutMs, options.RestartAfter?.TotalSeconds, declarations,
            bucket, RecoveryShare, before, during, after, recordsBefore, recordsDuring, recordsAfter, killFigures, processes, Math.Round(warmUp.TotalSeconds, 1), warmUpRecords);
    }

    private static async Task<(bool Exact, string Check)> CheckTotalsAsync(Dictionary<string, string?> settings, NpgsqlDataSource dataSource,
        ProducedRecords produced, CancellationToken cancellationToken)
    {
        var client = new Dictionary<string, string?>(settings) { [SociaalDomeinHost.RolesSetting] = "api" };
        await using var session = await PipelineSession.StartAsync(client,
            logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error), cancellationToken);
        return await InProcessRun.CheckTotalsAsync(session, dataSource, produced, cancellationToken);
    }

    private ServeProcess Start(string name, string roles, IReadOnlyDictionary<string, string?> settings)
    {
        var process = ServeProcess.Start(name, roles, settings, _logDirectory);
        lock (_processes) _processes.Add(process);
        return process;
    }

    /// <summary>The silo and worker processes alive now (read on the monitor's timer thread while replacements are added).</summary>
    private IReadOnlyList<int> LivePids()
    {
        lock (_processes) return _processes.Where(p => !p.HasExited).Select(p => p.Id).ToList();
    }

    private void SampleProcesses()
    {
        List<ServeProcess> processes;
        lock (_processes) processes = _processes.ToList();
        foreach (var process in processes) process.Sample();
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            lock (_processes) foreach (var process in _processes) process.ThrowIfDiedUnexpectedly();
            if (clock.Elapsed > timeout) throw new TimeoutException($"Not {what} within {timeout.TotalSeconds:0} s.");
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>The message log's row count, synchronously, for the producer thread.</summary>
    private static long LoggedNow(NpgsqlDataSource dataSource)
    {
        using var command = dataSource.CreateCommand("SELECT count(*) FROM message_log");
        return (long)command.ExecuteScalar()!;
    }

    private static Task<long> LoggedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        ScalarAsync(dataSource, "SELECT count(*) FROM message_log", cancellationToken);

    private static async Task<DateTimeOffset> LastLoggedAtAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT max(logged_at) FROM message_log");
        return new DateTimeOffset(DateTime.SpecifyKind((DateTime)(await command.ExecuteScalarAsync(cancellationToken))!, DateTimeKind.Utc));
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static double Seconds(DateTimeOffset since) => (DateTimeOffset.UtcNow - since).TotalSeconds;

    private static void Log(string line) => InProcessRun.Log(line);
}
