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
/// the grains make repeated work harmless.
/// </summary>
public sealed class IngestionWorker(
    IOptions<KafkaOptions> options,
    MessageRouter router,
    DeadLetterPublisher deadLetters,
    IMessageLog messageLog,
    IngestionProgress progress,
    ILogger<IngestionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Consume() blocks a thread; keep it off the host's startup path.
        Task.Factory.StartNew(() => ConsumeLoopAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task ConsumeLoopAsync(CancellationToken stoppingToken)
    {
        var kafka = options.Value;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(KafkaClientConfigs.Consumer(kafka, $"sd-worker-{Environment.MachineName}"))
            .SetErrorHandler((_, e) => logger.Log(e.IsFatal ? LogLevel.Critical : LogLevel.Warning, "Kafka: {Reason} ({Code})", e.Reason, e.Code))
            .SetPartitionsAssignedHandler((_, partitions) => logger.LogInformation("Assigned {Partitions}", string.Join(", ", partitions)))
            .SetPartitionsRevokedHandler((_, partitions) => logger.LogInformation("Revoked {Partitions}", string.Join(", ", partitions)))
            .Build();
        consumer.Subscribe(kafka.EffectiveInputTopics);
        logger.LogInformation("Consuming {Topics} as group {Group}", string.Join(", ", kafka.EffectiveInputTopics), kafka.ConsumerGroup);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ConsumeResult<byte[]?, byte[]?>? record;
                try
                {
                    record = consumer.Consume(stoppingToken);
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    // e.g. a subscribed topic that does not exist yet: it appears with the first produce.
                    logger.LogDebug("Consume: {Reason}", e.Error.Reason);
                    continue;
                }
                if (record?.Message is null) continue;

                await ProcessUntilDurableAsync(record, stoppingToken);
                consumer.StoreOffset(record);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the record in hand (if any) was not stored, so it is consumed again after restart.
        }
        finally
        {
            try
            {
                consumer.Commit();
            }
            catch (KafkaException e) when (e.Error.Code == Confluent.Kafka.ErrorCode.Local_NoOffset)
            {
            }
            catch (KafkaException e)
            {
                logger.LogWarning("Final offset commit failed ({Reason}); the last records will be consumed again", e.Error.Reason);
            }
            consumer.Close();
        }
    }

    /// <summary>Retries transient failures (database, silo) with backoff; returns only when the record's effect is durable.</summary>
    private async Task ProcessUntilDurableAsync(ConsumeResult<byte[]?, byte[]?> record, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ProcessAsync(record, stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Processing {Source} failed (attempt {Attempt}); retrying in {Delay}",
                    record.TopicPartitionOffset.ToString(), attempt, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task ProcessAsync(ConsumeResult<byte[]?, byte[]?> record, CancellationToken cancellationToken)
    {
        var source = new SourcePosition(record.Topic, record.Partition.Value, record.Offset.Value);
        using var activity = IngestionTelemetry.Source.StartActivity("istd process", ActivityKind.Consumer, ParentFrom(record.Message.Headers));
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.destination.name", record.Topic);
        activity?.SetTag("messaging.kafka.destination.partition", record.Partition.Value);
        activity?.SetTag("messaging.kafka.message.offset", record.Offset.Value);
        IngestionTelemetry.MessagesConsumed.Add(1);

        Messages.Model.IstdMessage message;
        try
        {
            message = MessageReader.Read(record.Message.Value ?? [], source.ToString());
        }
        catch (InvalidMessageException invalid)
        {
            await deadLetters.PublishAsync(record, invalid, cancellationToken);
            await messageLog.RecordDeadLetteredAsync(source, invalid.First.Explanation, invalid.First.Rule, invalid.First.Path, cancellationToken);
            logger.LogWarning("Dead-lettered {Source}: {Path} [{Rule}] {Explanation}", source.ToString(), invalid.First.Path,
                invalid.First.Rule, invalid.First.Explanation);
            activity?.SetStatus(ActivityStatusCode.Error, "dead-lettered");
            activity?.SetTag("sd.deadletter.rule", invalid.First.Rule);
            IngestionTelemetry.MessagesDeadLettered.Add(1);
            progress.MarkDeadLettered(record.TopicPartitionOffset);
            return;
        }

        activity?.SetTag("sd.message.id", message.Key.ToString());
        activity?.SetTag("sd.message.type", (int)message.Type);
        var lines = await router.RouteAsync(message, source, cancellationToken);
        await messageLog.RecordAcceptedAsync(source, message.Key.ToString(), message.Standard.ToString(), (int)message.Type,
            message.MunicipalityCode, message.ProviderAgb, lines, cancellationToken);
        IngestionTelemetry.MessagesAccepted.Add(1, new KeyValuePair<string, object?>("type", (int)message.Type));
        IngestionTelemetry.DeclarationLines.Add(lines);
        progress.MarkAccepted(record.TopicPartitionOffset);
    }

    private static ActivityContext ParentFrom(Headers? headers)
    {
        if (headers is not null && headers.TryGetLastBytes("traceparent", out var bytes)
            && ActivityContext.TryParse(Encoding.ASCII.GetString(bytes), null, out var parent))
            return parent;
        return default;
    }
}
