using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Delivery.Alerts;
using SociaalDomein.Ingestion.Kafka;

namespace SociaalDomein.Delivery.Worker;

/// <summary>
/// Reads the alert topic in its own consumer group and hands each alert to the <see cref="AlertDispatcher"/>. A record's
/// offset is stored for commit only after every matching delivery is settled in the delivery log, so a crash repeats the
/// record and the log keeps anyone from receiving it twice.
/// </summary>
public sealed class AlertDeliveryWorker(
    AlertDispatcher dispatcher,
    IOptions<KafkaOptions> kafka,
    IOptions<DeliveryOptions> delivery,
    ILogger<AlertDeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);

    /// <summary>Records handled (delivered, skipped or unreadable) since start: for tests and health, not for business.</summary>
    public long RecordsHandled => Interlocked.Read(ref _recordsHandled);

    private long _recordsHandled;

    // Consume blocks, so the loop runs on a thread of its own rather than holding up the host's start.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var config = KafkaClientConfigs.Consumer(kafka.Value, "sd-alert-delivery");
        config.GroupId = delivery.Value.ConsumerGroup;
        using var consumer = new ConsumerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, e) => logger.Log(e.IsFatal ? LogLevel.Critical : LogLevel.Warning, "Alert delivery consumer: {Reason} ({Code})", e.Reason, e.Code))
            .Build();
        consumer.Subscribe(kafka.Value.AlertTopic);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ConsumeResult<string, byte[]>? record;
                try
                {
                    record = consumer.Consume(stoppingToken);
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    // e.g. the alert topic does not exist yet: it appears with the first alert published.
                    logger.LogDebug("Consume: {Reason}", e.Error.Reason);
                    continue;
                }
                if (record?.Message is null) continue;
                await HandleAsync(record, stoppingToken);
                consumer.StoreOffset(record);
                Interlocked.Increment(ref _recordsHandled);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the record in hand was not stored, so it is read again after restart.
        }
        finally
        {
            // Commits the stored offsets and leaves the group, so partitions move at once.
            consumer.Close();
        }
    }

    private async Task HandleAsync(ConsumeResult<string, byte[]> record, CancellationToken stoppingToken)
    {
        AlertDocument alert;
        try
        {
            alert = AlertDocument.Parse(record.Message.Value);
        }
        catch (AlertDocumentException e)
        {
            // Nothing to deliver and nothing waiting will change: the record is skipped, with where it is and why.
            logger.LogWarning("Skipped record {Topic}/{Partition}@{Offset}: {Reason}", record.Topic, record.Partition.Value, record.Offset.Value, e.Message);
            return;
        }

        while (true)
        {
            try
            {
                var outcomes = await dispatcher.DispatchAsync(alert, stoppingToken);
                if (outcomes.Count > 0)
                    logger.LogInformation("Alert {AlertId} revision {Revision} ({Change}): {Outcomes}", alert.Id, alert.Revision, alert.Change,
                        string.Join(", ", outcomes.Select(o => $"{o.Key.SubscriptionId}/{o.Key.ChannelName} {o.Status} after {o.Attempts}")));
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database is unreachable, most likely: keep the record and try it again.
                logger.LogWarning(e, "Delivering alert {AlertId} failed; trying again", alert.Id);
                await Task.Delay(RetryAfterFailure, stoppingToken);
            }
        }
    }
}
