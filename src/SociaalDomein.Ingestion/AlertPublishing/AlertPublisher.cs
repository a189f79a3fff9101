using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Monitoring.Alerts;

namespace SociaalDomein.Ingestion.AlertPublishing;

/// <summary>
/// Outbox relay: publishes alerts recorded in the alert store to the alert topic (key = alert id) and marks them
/// published. At-least-once: a crash between produce and mark repeats a record with the same id, which consumers dedupe on.
/// </summary>
public sealed class AlertPublisher(IAlertStore alerts, IOptions<KafkaOptions> options, ILogger<AlertPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var producer = new ProducerBuilder<string, byte[]>(KafkaClientConfigs.Producer(options.Value, "sd-alerts")).Build();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishPendingAsync(producer, stoppingToken);
                if (published == 0) await Task.Delay(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Publishing alerts failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Publishes one batch of pending alerts; returns how many.</summary>
    public async Task<int> PublishPendingAsync(IProducer<string, byte[]> producer, CancellationToken cancellationToken)
    {
        var pending = await alerts.ReadUnpublishedAsync(BatchSize, cancellationToken);
        if (pending.Count == 0) return 0;
        var deliveries = pending.Select(alert => producer.ProduceAsync(options.Value.AlertTopic, new Message<string, byte[]>
        {
            Key = alert.Id,
            Value = AlertMessage.From(alert).ToJsonUtf8(),
            Headers = new Headers { { "content-type", Encoding.ASCII.GetBytes("application/json") } },
        }, cancellationToken));
        await Task.WhenAll(deliveries);
        await alerts.MarkPublishedAsync(pending.Select(a => a.Id).ToList(), cancellationToken);
        IngestionTelemetry.AlertsPublished.Add(pending.Count);
        return pending.Count;
    }
}
