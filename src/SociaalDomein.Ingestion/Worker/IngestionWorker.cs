using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Ingestion.DeadLetters;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Ingestion.Processing;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Monitoring.Ingestion;

namespace SociaalDomein.Ingestion.Worker;

/// <summary>
/// Consumes iJw/iWmo messages, validates them and applies them to the grains. A record's offset is stored for commit
/// only after its effect is durable (applied, or on the dead-letter topic), so a crash repeats work but never loses it;
/// the grains make repeated work harmless. Records run concurrently on keyed lanes (<see cref="ProcessingLanes"/>), and a
/// partition's offset passes only records that are all durable (<see cref="InFlightOffsets"/>). A graceful stop repeats
/// nothing: the records in the lanes are finished, the stored
/// offsets are committed and the consumer leaves its group before the silo goes down.
/// </summary>
public sealed class IngestionWorker(
    IOptions<KafkaOptions> options,
    MessageRouter router,
    DeadLetterPublisher deadLetters,
    IMessageLog messageLog,
    IngestionProgress progress,
    ILogger<IngestionWorker> logger,
    IIngestionReadiness? readiness = null) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>How long one poll waits for a record; bounds how late a pause, a lag sample or a stop is noticed.</summary>
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan LagSampleInterval = TimeSpan.FromSeconds(1);

    /// <summary>Cancelled only when the host's shutdown timeout runs out: until then the records in the lanes are finished.</summary>
    private readonly CancellationTokenSource _abandon = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Consume() blocks a thread; keep it off the host's startup path.
        Task.Factory.StartNew(() => ConsumeLoopAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host cancels this token when its shutdown timeout has passed; only then is an unfinished record given up.
        await using var registration = cancellationToken.Register(() => _abandon.Cancel());
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    private async Task ConsumeLoopAsync(CancellationToken stoppingToken)
    {
        var kafka = options.Value;
        using var lag = new ConsumerLagSampler(LagSampleInterval);
        var pause = new PauseState();
        var inFlight = new InFlightOffsets();
        var lanes = new ProcessingLanes(kafka.WorkerLanes, kafka.WorkerMaxInFlight, kafka.MaxPrefetchKbytes * 1024L,
            record => ProcessInLaneAsync(record, inFlight, stoppingToken));
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(KafkaClientConfigs.Consumer(kafka, $"sd-worker-{Environment.MachineName}"))
            .SetErrorHandler((_, e) => logger.Log(e.IsFatal ? LogLevel.Critical : LogLevel.Warning, "Kafka: {Reason} ({Code})", e.Reason, e.Code))
            .SetStatisticsHandler((_, json) =>
            {
                var queue = FetchQueue.FromStatistics(json);
                logger.LogDebug("Fetch queue: {Records} records, {Bytes} bytes fetched ahead of the worker", queue.Records, queue.Bytes);
            })
            .SetPartitionsAssignedHandler((_, partitions) =>
            {
                logger.LogInformation("Assigned {Partitions}", string.Join(", ", partitions));
                pause.AssignmentChanged = true;
            })
            .SetPartitionsRevokedHandler((c, partitions) =>
            {
                var revoked = partitions.Select(p => p.TopicPartition).ToList();
                logger.LogInformation("Revoked {Partitions}", string.Join(", ", revoked));
                // Finish what the lanes hold of these partitions and store it, so the commit that goes with the
                // revocation covers it and the next owner does not repeat it (repeating would be harmless, only slower).
                WaitForLanes(inFlight, revoked);
                StoreDurableOffsets(c, inFlight);
                inFlight.Forget(revoked);
                lag.Forget(revoked);
            })
            .SetPartitionsLostHandler((_, partitions) =>
            {
                var lost = partitions.Select(p => p.TopicPartition).ToList();
                logger.LogWarning("Lost {Partitions}", string.Join(", ", lost));
                // Another member owns them already: what is still running on them finishes, but commits nothing.
                inFlight.Forget(lost);
                lag.Forget(lost);
            })
            .Build();
        consumer.Subscribe(kafka.EffectiveInputTopics);
        logger.LogInformation("Consuming {Topics} as group {Group} on {Lanes} lanes", string.Join(", ", kafka.EffectiveInputTopics),
            kafka.ConsumerGroup, kafka.WorkerLanes);
        ConsumeResult<byte[]?, byte[]?>? lastTaken = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                StoreDurableOffsets(consumer, inFlight);
                if (!await PauseWhileNotReadyAsync(consumer, pause, stoppingToken)) continue;
                ConsumeResult<byte[]?, byte[]?>? record;
                try
                {
                    record = consumer.Consume(PollTimeout);
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    // e.g. a subscribed topic that does not exist yet: it appears with the first produce.
                    logger.LogDebug("Consume: {Reason}", e.Error.Reason);
                    continue;
                }
                lag.SampleIfDue(consumer);
                if (record?.Message is null) continue;

                // Waits while the lanes are full: the consumer then fetches no further than its own bounded queue.
                inFlight.Started(record.TopicPartitionOffset);
                try
                {
                    await lanes.AdmitAsync(record, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    // Stopping before it got a lane: never processed, so its partition's offset stops below it.
                    inFlight.Withdraw(record.TopicPartitionOffset);
                    break;
                }
                lastTaken = record;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down while waiting for readiness: nothing was in hand.
        }
        finally
        {
            // A stop lets every record already in a lane finish (their number is bounded by Kafka:WorkerMaxInFlight), so
            // that what is committed is exactly what was made durable and nothing is repeated after a restart.
            logger.LogInformation("Stopping: finishing {Records} records in the lanes (the last taken is {Source})",
                inFlight.Count, lastTaken?.TopicPartitionOffset.ToString() ?? "(none)");
            await lanes.CompleteAsync();
            StoreDurableOffsets(consumer, inFlight);
            CommitAndLeave(consumer, kafka.ConsumerGroup);
        }
    }

    /// <summary>One record on its lane: processed until durable, then released for commit in its partition's order.</summary>
    private async Task ProcessInLaneAsync(ConsumeResult<byte[]?, byte[]?> record, InFlightOffsets inFlight, CancellationToken stoppingToken)
    {
        try
        {
            // Not the stopping token: a stop lets the records in the lanes finish, so that they are not repeated after restart.
            if (!await ProcessUntilDurableAsync(record, stoppingToken)) return;
            if (inFlight.Completed(record.TopicPartitionOffset) is { } next) progress.MarkDurableUpTo(next);
        }
        catch (Exception e)
        {
            // ProcessUntilDurableAsync handles every failure itself; anything else is a defect, and the record stays
            // uncommitted (consumed again after a restart) rather than taking the lane down.
            logger.LogError(e, "Lane failed on {Source}; it will be consumed again after restart", record.TopicPartitionOffset.ToString());
        }
    }

    /// <summary>Waits (on the consume thread, inside a rebalance) until the lanes hold nothing of the given partitions.</summary>
    private void WaitForLanes(InFlightOffsets inFlight, IReadOnlyCollection<TopicPartition> partitions)
    {
        var waited = Stopwatch.StartNew();
        var nextWarning = TimeSpan.FromSeconds(10);
        while (inFlight.CountOn(partitions) > 0 && !_abandon.IsCancellationRequested)
        {
            Thread.Sleep(5);
            if (waited.Elapsed < nextWarning) continue;
            logger.LogWarning("Revocation waits {Seconds:0} s for {Records} records in the lanes", waited.Elapsed.TotalSeconds, inFlight.CountOn(partitions));
            nextWarning += TimeSpan.FromSeconds(10);
        }
    }

    private void StoreDurableOffsets(IConsumer<byte[]?, byte[]?> consumer, InFlightOffsets inFlight)
    {
        foreach (var next in inFlight.TakeStorable())
        {
            try
            {
                consumer.StoreOffset(next);
            }
            catch (KafkaException e)
            {
                // The partition was taken away meanwhile; its next owner continues from the last commit (repeats are harmless).
                logger.LogDebug("Offset {Offset} not stored: {Reason}", next.ToString(), e.Error.Reason);
            }
        }
    }

    private void CommitAndLeave(IConsumer<byte[]?, byte[]?> consumer, string group)
    {
        try
        {
            var committed = consumer.Commit();
            logger.LogInformation("Committed {Offsets}", string.Join(", ", committed.Select(c => c.ToString())));
        }
        catch (KafkaException e) when (e.Error.Code == Confluent.Kafka.ErrorCode.Local_NoOffset)
        {
            logger.LogInformation("No new offsets to commit");
        }
        catch (KafkaException e)
        {
            logger.LogWarning("Final offset commit failed ({Reason}); the last records will be consumed again", e.Error.Reason);
        }
        try
        {
            consumer.Close();
            logger.LogInformation("Left consumer group {Group}", group);
        }
        catch (KafkaException e)
        {
            logger.LogWarning("Leaving consumer group {Group} failed ({Reason}); its partitions move after the session timeout", group, e.Error.Reason);
        }
    }

    /// <summary>
    /// Pauses the assigned partitions while the host is not ready and resumes them once it is. Returns true when records
    /// may be consumed now; false after waiting a poll interval (the consumer is still polled, to stay in its group).
    /// </summary>
    private async Task<bool> PauseWhileNotReadyAsync(IConsumer<byte[]?, byte[]?> consumer, PauseState pause, CancellationToken stoppingToken)
    {
        if (readiness is null) return true;
        var state = await readiness.CheckAsync(stoppingToken);
        if (state.IsReady)
        {
            if (pause.Since is { } since)
            {
                var assignment = consumer.Assignment;
                consumer.Resume(assignment);
                pause.Since = null;
                pause.AssignmentChanged = false;
                logger.LogInformation("Resuming consumption of {Partitions}: ready again after {Seconds:0.0} s paused",
                    Describe(assignment), Stopwatch.GetElapsedTime(since).TotalSeconds);
            }
            else if (pause.AssignmentChanged)
            {
                // librdkafka keeps a partition's pause across losing and regaining it: one paused before a rebalance (e.g.
                // the group dropped this worker during a network cut while it was pausing) comes back paused, and would
                // never deliver again. Resuming what was just assigned is harmless when it was not paused.
                consumer.Resume(consumer.Assignment);
                pause.AssignmentChanged = false;
            }
            return true;
        }

        if (pause.Since is null || pause.AssignmentChanged)
        {
            var assignment = consumer.Assignment;
            consumer.Pause(assignment);
            pause.AssignmentChanged = false;
            if (pause.Since is null)
            {
                pause.Since = Stopwatch.GetTimestamp();
                logger.LogWarning("Pausing consumption of {Partitions}: not ready ({Reason})", Describe(assignment), state.Reason);
            }
        }
        // Poll while paused: it delivers no records from paused partitions, but keeps the membership and rebalances going.
        try
        {
            var record = consumer.Consume(PollTimeout);
            if (record?.Message is not null)
            {
                // Only a partition assigned after the pause can deliver: put it back so it is read again after resuming.
                consumer.Seek(record.TopicPartitionOffset);
                pause.AssignmentChanged = true;
            }
        }
        catch (ConsumeException e) when (!e.Error.IsFatal)
        {
            logger.LogDebug("Consume while paused: {Reason}", e.Error.Reason);
        }
        return false;
    }

    private static string Describe(IReadOnlyCollection<TopicPartition> partitions) =>
        partitions.Count == 0 ? "(no partitions assigned yet)" : string.Join(", ", partitions);

    /// <summary>
    /// Retries transient failures (database, silo) with backoff until the record's effect is durable (true). Once a stop
    /// is requested a failing record is not retried any more, and when the host's shutdown timeout runs out an attempt in
    /// progress is abandoned (false): its offset is then not stored, so the record is consumed again after restart.
    /// </summary>
    private async Task<bool> ProcessUntilDurableAsync(ConsumeResult<byte[]?, byte[]?> record, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ProcessAsync(record, started, _abandon.Token);
                return true;
            }
            catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
            {
                logger.LogWarning("Shutdown timeout reached while processing {Source}; it will be consumed again after restart",
                    record.TopicPartitionOffset.ToString());
                return false;
            }
            catch (Exception e) when (stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Processing {Source} failed while stopping; it will be consumed again after restart",
                    record.TopicPartitionOffset.ToString());
                return false;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Processing {Source} failed (attempt {Attempt}); retrying in {Delay}",
                    record.TopicPartitionOffset.ToString(), attempt, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task ProcessAsync(ConsumeResult<byte[]?, byte[]?> record, long started, CancellationToken cancellationToken)
    {
        var source = new SourcePosition(record.Topic, record.Partition.Value, record.Offset.Value);
        var sniffed = MessageKind.Sniff(record.Message.Value);
        using var activity = IngestionTelemetry.Source.StartActivity(IngestionTelemetry.Spans.Process, ActivityKind.Consumer, ParentFrom(record.Message.Headers));
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag(IngestionTelemetry.Tags.Topic, record.Topic);
        activity?.SetTag(IngestionTelemetry.Tags.Partition, record.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        activity?.SetTag("messaging.kafka.offset", record.Offset.Value);
        activity?.SetTag("messaging.consumer.group.name", options.Value.ConsumerGroup);
        IngestionTelemetry.MessagesConsumed.Add(1, sniffed.StandardTag, sniffed.TypeTag);

        Messages.Model.IstdMessage message;
        IReadOnlyList<Messages.Validation.LineFinding> findings;
        try
        {
            var read = MessageReader.ReadAndValidate(record.Message.Value ?? [], source.ToString());
            (message, findings) = (read.Message, read.Findings);
        }
        catch (InvalidMessageException invalid)
        {
            activity?.SetTag(IngestionTelemetry.Tags.Standard, sniffed.Standard);
            activity?.SetTag(IngestionTelemetry.Tags.MessageType, sniffed.Type);
            activity?.SetTag(IngestionTelemetry.Tags.Outcome, IngestionTelemetry.Outcomes.DeadLettered);
            activity?.SetTag(IngestionTelemetry.Tags.DeadLetterRule, invalid.First.Rule);
            await deadLetters.PublishAsync(record, invalid, cancellationToken);
            await messageLog.RecordDeadLetteredAsync(source, invalid.First.Explanation, invalid.First.Rule, invalid.First.Path, cancellationToken);
            logger.LogWarning("Dead-lettered {Source}: {Path} [{Rule}] {Explanation}", source.ToString(), invalid.First.Path,
                invalid.First.Rule, invalid.First.Explanation);
            activity?.SetStatus(ActivityStatusCode.Error, $"dead-lettered: [{invalid.First.Rule}] {invalid.First.Explanation}");
            IngestionTelemetry.MessagesDeadLettered.Add(1, sniffed.StandardTag, sniffed.TypeTag,
                new KeyValuePair<string, object?>(IngestionTelemetry.Tags.DeadLetterRule, invalid.First.Rule));
            RecordDurable(record, started, sniffed, IngestionTelemetry.Outcomes.DeadLettered);
            progress.MarkDeadLettered();
            return;
        }

        var kind = MessageKind.Of(message);
        activity?.SetTag(IngestionTelemetry.Tags.MessageId, message.Key.ToString());
        activity?.SetTag(IngestionTelemetry.Tags.Standard, kind.Standard);
        activity?.SetTag(IngestionTelemetry.Tags.MessageType, kind.Type);
        activity?.SetTag(IngestionTelemetry.Tags.Outcome, IngestionTelemetry.Outcomes.Accepted);
        var lines = await router.RouteAsync(message, source, cancellationToken);
        await router.RecordFindingsAsync(message, findings, cancellationToken);
        await messageLog.RecordAcceptedAsync(source, message.Key.ToString(), message.Standard.ToString(), (int)message.Type,
            message.MunicipalityCode, message.ProviderAgb, lines, cancellationToken);
        activity?.SetTag("sd.lines", lines);
        IngestionTelemetry.MessagesAccepted.Add(1, kind.StandardTag, kind.TypeTag);
        if (lines > 0) IngestionTelemetry.DeclarationLines.Add(lines, kind.StandardTag, kind.TypeTag);
        RecordDurable(record, started, kind, IngestionTelemetry.Outcomes.Accepted);
        progress.MarkAccepted();
    }

    private static void RecordDurable(ConsumeResult<byte[]?, byte[]?> record, long started, MessageKind kind, string outcome)
    {
        var outcomeTag = new KeyValuePair<string, object?>(IngestionTelemetry.Tags.Outcome, outcome);
        IngestionTelemetry.ProcessingDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, kind.StandardTag, kind.TypeTag, outcomeTag);
        if (record.Message.Timestamp.Type != TimestampType.NotAvailable)
        {
            var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(record.Message.Timestamp.UnixTimestampMs);
            IngestionTelemetry.EndToEndLatency.Record(Math.Max(0, age.TotalSeconds), kind.StandardTag, kind.TypeTag, outcomeTag);
        }
    }

    private static ActivityContext ParentFrom(Headers? headers)
    {
        if (headers is not null && headers.TryGetLastBytes("traceparent", out var bytes)
            && ActivityContext.TryParse(Encoding.ASCII.GetString(bytes), null, out var parent))
            return parent;
        return default;
    }

    /// <summary>Whether (and since when) the worker has paused its partitions; touched only by the consume loop and its handlers.</summary>
    private sealed class PauseState
    {
        public long? Since { get; set; }

        public bool AssignmentChanged { get; set; }
    }
}
