using System.Diagnostics;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SociaalDomein.Host.Composition;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Ingestion.Worker;
using SociaalDomein.LoadTests.Measurement;
using SociaalDomein.LoadTests.Peers;
using SociaalDomein.LoadTests.Production;
using SociaalDomein.LoadTests.Results;
using SociaalDomein.LoadTests.Scenarios;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Alerts;
using SociaalDomein.Monitoring.Budget;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Simulation.Scenarios;
using SociaalDomein.Storage.Embedded;

namespace SociaalDomein.LoadTests.Runs;

/// <summary>
/// One scenario against the whole pipeline in this process (silo, worker, alert relay, API: the embedded default), with
/// a private PostgreSQL and the mock Kafka cluster (or a real one). Measures while producing, checks the totals, then
/// runs the ceiling and the batch peer on the same records.
/// </summary>
public sealed class InProcessRun(HarnessOptions options, LoadScenario scenario)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var runAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineState.LoadAverages();
        var runId = runAt.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var notes = new List<string>();

        Log($"{scenario.Name}: {scenario.Description}");
        var years = scenario.YearOptions();
        var (providerCount, ceilings) = PlanCeilings(years);
        // One year's plan holds every planned client and allocation: a run of several years plans each year again when it
        // streams it and lets it go afterwards (planning is deterministic), so the harness's own memory does not grow with the years.
        IEnumerable<ScenarioGenerator> generators = years.Count == 1 ? [new ScenarioGenerator(years[0])] : years.Select(y => new ScenarioGenerator(y));
        Log($"planned: {providerCount} providers, {ceilings.Count} ceilings, {scenario.Years} year(s)");

        await using var postgres = await PrivatePostgres.StartAsync("loadtest", cancellationToken: cancellationToken);
        var external = options.BootstrapServers is not null;
        var suffix = external ? $".load-{runId}" : "";
        var kafka = new KafkaOptions
        {
            InputTopics = [Topics.Ijw + suffix],
            AlertTopic = Topics.Alerts + suffix,
            DeadLetterTopic = Topics.DeadLetter + suffix,
            ConsumerGroup = "sd-ingestion" + suffix,
        };
        using var cluster = external ? null : await EmbeddedKafkaCluster.StartAsync(options.Partitions, [kafka.InputTopics[0], kafka.AlertTopic, kafka.DeadLetterTopic]);
        kafka.BootstrapServers = options.BootstrapServers ?? cluster!.BootstrapServers;
        if (external) await CreateTopicsAsync(kafka, options.Partitions);
        var input = kafka.InputTopics[0];

        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{SociaalDomeinHost.PostgresConnectionStringName}"] = postgres.ConnectionString,
            ["Kafka:BootstrapServers"] = kafka.BootstrapServers,
            ["Kafka:AlertTopic"] = kafka.AlertTopic,
            ["Kafka:DeadLetterTopic"] = kafka.DeadLetterTopic,
            ["Kafka:ConsumerGroup"] = kafka.ConsumerGroup,
            [SociaalDomeinHost.RolesSetting] = "all",
            ["Orleans:SiloPort"] = "0",
            ["Orleans:GatewayPort"] = "0",
            ["Http:Urls"] = "http://127.0.0.1:0",
            ["Privacy:BsnKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Privacy:BsnKeyId"] = "loadtest",
        };
        // Only a non-default input topic is set: the host binds the list on top of its default.
        if (external) settings["Kafka:InputTopics:0"] = input;
        // Several simulated years: the rules' today follows the traffic, and the daily evaluation (which also forgets what
        // a settled year no longer needs) looks for a new day every minute, as a simulated year passes in minutes.
        var trafficDay = scenario.Years > 1 ? new TrafficDay(years[0].PeriodStart) : null;
        if (trafficDay is not null)
        {
            settings["Monitoring:EvaluationInterval"] = "00:01:00";
            notes.Add("Several simulated years: the pipeline's today was the latest Dagtekening produced, and the daily evaluation ran every minute.");
        }
        await using var session = await PipelineSession.StartAsync(settings,
            logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error).AddFilter("Microsoft", LogLevel.Warning),
            host =>
            {
                if (trafficDay is not null) host.Services.AddSingleton<IMonitoringDay>(trafficDay);
            },
            cancellationToken);
        await LoadCeilingsAsync(session, ceilings, cancellationToken);
        Log($"pipeline started; input topic {input} with {options.Partitions} partitions");

        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        var progress = session.Services.GetRequiredService<IngestionProgress>();
        using var producer = new ScenarioProducer(kafka, input) { Day = trafficDay };
        if (scenario.Pacing.Duration > TimeSpan.FromMinutes(5)) producer.Records.KeepProduceTimesFor = TimeSpan.FromMinutes(10);

        // Warm-up: the allocations, processed before the clock starts.
        IReadOnlyDictionary<int, long>? measuredFrom = null;
        if (scenario.WarmUpAllocations)
        {
            producer.Produce(generators, m => m is not DeclaratieMessage, Pacing.Burst, cancellationToken);
            await WaitProcessedAsync(progress, producer.Records.Ends(input), options.Timeout, cancellationToken);
            measuredFrom = producer.Records.EndOffsets.ToDictionary(e => e.Key, e => e.Value);
            Log($"warm-up: {producer.Records.Messages} allocation messages processed");
        }

        await using var visibility = new DailyTotalVisibilityMonitor(dataSource);
        visibility.Start();
        producer.OnProbe = visibility.Add;
        using var alerts = new AlertLatencyMonitor(kafka, kafka.AlertTopic, producer.Records);
        using var durable = new DurableLatencyListener();
        var memoryInterval = scenario.Pacing.Duration is { } d && d > TimeSpan.FromMinutes(5) ? TimeSpan.FromSeconds(10) : TimeSpan.FromMilliseconds(250);
        using var processes = new ProcessMonitor(() => [Environment.ProcessId], postgres.DataDirectory, memoryInterval);
        var measuredStart = DateTimeOffset.UtcNow;
        using var lag = new ConsumerLagMonitor(kafka, input, producer.Records, measuredStart, TimeSpan.FromSeconds(1));
        var messagesBefore = producer.Records.Messages;
        var bytesBefore = producer.Records.Bytes;
        if (await StatementProfile.ResetAsync(dataSource, cancellationToken) is { } noProfile) notes.Add(noProfile);
        processes.Start();

        Log("producing" + (scenario.Pacing.LinesPerSecond is { } r ? $" at {r:0} lines/s for {scenario.Pacing.Duration?.TotalSeconds:0} s" : " as fast as possible"));
        var produce = Stopwatch.StartNew();
        var producing = Task.Factory.StartNew(() => producer.Produce(generators, m => !scenario.WarmUpAllocations || m is DeclaratieMessage,
            scenario.Pacing, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var reporter = ReportProgressAsync(producer.Records, progress, producing, cancellationToken);
        await producing;
        produce.Stop();
        Log($"produced {producer.Records.Lines} lines in {producer.Records.DeclarationMessages} declarations ({produce.Elapsed.TotalSeconds:0.0} s)");
        var ends = producer.Records.Ends(input);
        await WaitProcessedAsync(progress, ends, options.Timeout, cancellationToken);
        var processedAt = DateTimeOffset.UtcNow;
        var resources = processes.Stop();
        lag.Sample();
        await reporter;
        var statements = await StatementProfile.ReadAsync(dataSource, 15, cancellationToken);
        foreach (var statement in statements.Take(8))
            Log($"  PostgreSQL {statement.SharePercent,5:0.0} % {statement.Calls,8} calls {statement.MeanMs,8:0.000} ms  {statement.Query[..Math.Min(90, statement.Query.Length)]}");

        var elapsed = (processedAt - measuredStart).TotalSeconds;
        var lines = producer.Records.Lines;
        var linesPerSecond = Math.Round(lines / elapsed);
        Log($"processed: {lines} lines in {elapsed:0.0} s = {linesPerSecond:0} lines/s");

        // Everything visible and every alert published and read, then the exact check.
        // WaitUntilProcessedAsync takes the positions of the records themselves (it adds one), not end offsets.
        var lastRecords = ends.Select(e => new TopicPartitionOffset(e.TopicPartition, new Offset(e.Offset.Value - 1))).ToList();
        await session.WaitUntilProcessedAsync(lastRecords, options.Timeout, cancellationToken: cancellationToken);
        var alertCount = (await session.Services.GetRequiredService<IAlertStore>().GetAllAsync(cancellationToken)).Count;
        alerts.WaitFor(alertCount, TimeSpan.FromSeconds(15));
        await visibility.DrainAsync(TimeSpan.FromSeconds(15));
        Log($"alerts: {alerts.Alerts} read of {alertCount}; daily-total probes not seen: {visibility.Pending}");
        var (exact, check) = await CheckTotalsAsync(session, dataSource, producer.Records, cancellationToken);
        Log(check);
        await session.StopAsync(cancellationToken);

        PeerFigures? ceilingFigures = null, peerFigures = null;
        if (!options.SkipPeers)
        {
            Log("ceiling: consume + parse the same records");
            var ceiling = ConsumeParseCeiling.Run(kafka, measuredFrom, ends, cancellationToken);
            ceilingFigures = Figures(ceiling, null);
            Log($"ceiling: {ceiling.Lines} lines in {ceiling.Seconds:0.00} s = {ceiling.LinesPerSecond:0} lines/s");
            Log("batch peer: consume + parse + COPY + GROUP BY");
            var (peer, mismatched) = await CopyBatchPeer.RunAsync(kafka, measuredFrom, ends, dataSource, cancellationToken);
            peerFigures = Figures(peer, mismatched);
            Log($"batch peer: {peer.Lines} lines in {peer.Seconds:0.00} s = {peer.LinesPerSecond:0} lines/s; daily rows differing from the pipeline's: {mismatched}");
            if (scenario.WarmUpAllocations)
                notes.Add("The batch peer loaded only this burst's lines, so its daily totals are compared with the pipeline's for the burst only.");
        }

        var alertLatency = Percentiles.Of(alerts.LatenciesMs);
        var lagSamples = lag.Samples;
        var memory = processes.Samples;
        var cpuTotal = resources.PipelineCpuSeconds + resources.PostgresCpuSeconds;
        if (!external)
            notes.Add("In-process run: the resident set includes the mock Kafka broker holding every produced record " +
                      $"({producer.Records.Bytes / 1048576.0:0} MB of XML) and the harness's producer and probes; CPU time likewise.");
        return new ScenarioResult
        {
            Scenario = scenario.Name,
            Lines = lines,
            LinesPerSecond = linesPerSecond,
            CeilingLinesPerSecond = ceilingFigures?.LinesPerSecond,
            BatchPeerLinesPerSecond = peerFigures?.LinesPerSecond,
            AlertLatencyP99Ms = alertLatency.P99,
            PeakRssMb = resources.PeakRssMb,
            Commit = MachineState.Commit(),
            RunAt = runAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            Mode = external ? "in-process pipeline, external Kafka" : "in-process pipeline, embedded mock Kafka",
            Description = scenario.Description,
            Settings = new Dictionary<string, object?>
            {
                ["scale"] = options.Scale, ["spendScale"] = scenario.Options.SpendScale, ["providers"] = scenario.Options.ProviderCount,
                ["municipalities"] = scenario.Options.Region.Municipalities.Count, ["months"] = scenario.Options.Months,
                ["years"] = scenario.Years, ["partitions"] = options.Partitions, ["rate"] = scenario.Pacing.LinesPerSecond,
                ["seconds"] = scenario.Pacing.Duration?.TotalSeconds, ["seed"] = scenario.Options.Seed,
            },
            LoadAverageAtStart = loadAtStart,
            LoadAverageAtEnd = MachineState.LoadAverages(),
            Cores = MachineState.Cores,
            ShareOfCeiling = ceilingFigures is { LinesPerSecond: > 0 } c ? Math.Round(linesPerSecond / c.LinesPerSecond, 4) : null,
            RatioToBatchPeer = peerFigures is { LinesPerSecond: > 0 } p ? Math.Round(linesPerSecond / p.LinesPerSecond, 4) : null,
            Messages = producer.Records.Messages - messagesBefore,
            DeclarationMessages = producer.Records.DeclarationMessages,
            DistinctLines = producer.Records.DistinctLines,
            MegabytesProduced = Math.Round((producer.Records.Bytes - bytesBefore) / 1048576.0, 1),
            ProduceSeconds = Math.Round(produce.Elapsed.TotalSeconds, 2),
            ElapsedSeconds = Math.Round(elapsed, 2),
            TotalsExact = exact,
            TotalsCheck = check,
            AlertLatencyMs = alertLatency,
            AlertReceivedLatencyMs = Percentiles.Of(alerts.ReceivedLatenciesMs),
            Alerts = alerts.Alerts,
            DurableLatencyMs = Percentiles.Of(durable.DeclarationsMs),
            DailyTotalVisibilityMs = Percentiles.Of(visibility.LatenciesMs),
            DailyTotalProbesNotSeen = visibility.Pending,
            MaxConsumerLag = lagSamples.Count > 0 ? lagSamples.Max(s => s.Lag) : null,
            ConsumerLag = lagSamples,
            Resources = resources,
            LinesPerCpuSecond = cpuTotal > 0 ? Math.Round(lines / cpuTotal) : null,
            Ceiling = ceilingFigures,
            BatchPeer = peerFigures,
            Memory = memory,
            RssSlopeMbPerMinute = SlopeOfSecondHalf(memory),
            LiveHeapSlopeMbPerMinute = SlopeOfSecondHalf(memory, s => s.LiveHeapMb),
            Statements = statements,
            Notes = notes,
        };
    }

    private static (int Providers, IReadOnlyList<BudgetCeiling> Ceilings) PlanCeilings(IReadOnlyList<ScenarioOptions> years)
    {
        var providers = 0;
        var ceilings = new List<BudgetCeiling>();
        foreach (var year in years)
        {
            var generator = new ScenarioGenerator(year);
            providers = generator.Providers.Count;
            ceilings.AddRange(generator.Ceilings.Select(c =>
                new BudgetCeiling(new ContractKey(c.MunicipalityCode, c.ProviderAgb), c.Year, c.ProductCategorie, c.CeilingCents)));
        }
        return (providers, ceilings);
    }

    /// <summary>
    /// Loads the ceilings, retrying a failed attempt: on a heavily loaded machine a grain activation can fail (seen: the
    /// host's PostgresWriteLatencyProcessor regex timing out at 100 ms inside Npgsql); the worker retries its records the
    /// same way, and loading a ceiling twice is an upsert.
    /// </summary>
    private static async Task LoadCeilingsAsync(PipelineSession session, IReadOnlyList<BudgetCeiling> ceilings, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await session.LoadCeilingsAsync(ceilings, cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < 5 && e is not OperationCanceledException)
            {
                Log($"loading ceilings failed (attempt {attempt}: {e.GetType().Name}: {e.Message.Split('\n')[0]}); retrying");
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), cancellationToken);
            }
        }
    }

    private static PeerFigures Figures(PeerResult peer, long? mismatched) =>
        new(peer.Records, peer.Lines, Math.Round(peer.Seconds, 3), Math.Round(peer.CpuSeconds, 2), peer.LinesPerSecond, peer.Phases, mismatched);

    /// <summary>Least-squares slope of the resident set (or another figure) over the second half of the samples, in MB per minute.</summary>
    public static double? SlopeOfSecondHalf(IReadOnlyList<MemorySample> samples, Func<MemorySample, double?>? figure = null)
    {
        figure ??= s => s.RssMb;
        var half = samples.Skip(samples.Count / 2).Where(s => figure(s) is not null).ToList();
        if (half.Count < 3) return null;
        var meanX = half.Average(s => s.Seconds);
        var meanY = half.Average(s => figure(s)!.Value);
        var num = half.Sum(s => (s.Seconds - meanX) * (figure(s)!.Value - meanY));
        var den = half.Sum(s => (s.Seconds - meanX) * (s.Seconds - meanX));
        return den == 0 ? null : Math.Round(num / den * 60, 3);
    }

    private static async Task WaitProcessedAsync(IngestionProgress progress, IReadOnlyList<TopicPartitionOffset> ends, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!progress.HasReached(ends))
        {
            if (deadline.Elapsed > timeout)
                throw new TimeoutException($"The pipeline did not finish within {timeout.TotalSeconds:0} s ({progress.Accepted} records accepted).");
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static async Task ReportProgressAsync(ProducedRecords records, IngestionProgress progress, Task producing, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!producing.IsCompleted)
        {
            await Task.WhenAny(producing, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
            Log($"  {clock.Elapsed.TotalSeconds:0} s: produced {records.Messages} records, processed {progress.Accepted + progress.DeadLettered}");
        }
    }

    /// <summary>Every contract total reconciles with the ledger, and the ledger holds exactly the distinct lines produced.</summary>
    internal static async Task<(bool Exact, string Check)> CheckTotalsAsync(PipelineSession session, NpgsqlDataSource dataSource,
        ProducedRecords produced, CancellationToken cancellationToken)
    {
        var report = await session.BuildReportAsync(cancellationToken);
        var unreconciled = report.Totals.Count(t => !t.Reconciled);
        await using var command = dataSource.CreateCommand("SELECT count(*), coalesce(sum(amount_cents), 0)::bigint FROM declaration_lines");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (ledgerLines, ledgerCents) = (reader.GetInt64(0), reader.GetInt64(1));
        var grainCents = report.Totals.Sum(t => t.DeclaredCents);
        var exact = unreconciled == 0 && ledgerLines == produced.DistinctLines && ledgerCents == produced.DistinctAmountCents && grainCents == ledgerCents;
        return (exact, $"totals {(exact ? "exact" : "NOT exact")}: {report.Totals.Count} contract-years, {unreconciled} not reconciled with the ledger; " +
                       $"ledger {ledgerLines} lines / {ledgerCents} cents, produced {produced.DistinctLines} distinct lines / {produced.DistinctAmountCents} cents, " +
                       $"grains {grainCents} cents; {report.Messages.DeadLettered} dead-lettered");
    }

    private static async Task CreateTopicsAsync(KafkaOptions kafka, int partitions)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = kafka.BootstrapServers }).Build();
        try
        {
            await admin.CreateTopicsAsync(new[] { kafka.InputTopics[0], kafka.AlertTopic, kafka.DeadLetterTopic }
                .Select(t => new TopicSpecification { Name = t, NumPartitions = partitions, ReplicationFactor = -1 }));
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
        }
    }

    internal static void Log(string line) => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {line}");
}
