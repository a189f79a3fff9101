using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Monitoring.Alerts;

namespace SociaalDomein.Ingestion.AlertPublishing;

/// <summary>
/// Outbox relay: publishes alert changes recorded in the alert store to the alert topic (key = alert id) and marks
/// them published. At-least-once: a crash between produce and mark repeats a record with the same id, which consumers dedupe on.
/// A graceful stop finishes the batch in hand (produce and mark), so it repeats nothing.
/// </summary>
public sealed class AlertPublisher(IAlertStore alerts, IOptions<KafkaOptions> options, ILogger<AlertPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private const int BatchSize = 200;

    /// <summary>Cancelled only when the host's shutdown timeout runs out: until then the batch in hand is finished.</summary>
    private readonly CancellationTokenSource _abandon = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var producer = new ProducerBuilder<string, byte[]>(KafkaClientConfigs.Producer(options.Value, "sd-alerts")).Build();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishPendingAsync(producer, _abandon.Token);
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
        producer.Flush(TimeSpan.FromSeconds(5));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(() => _abandon.Cancel());
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    /// <summary>Publishes one batch of pending alerts; returns how many.</summary>
    public async Task<int> PublishPendingAsync(IProducer<string, byte[]> producer, CancellationToken cancellationToken)
    {
        IReadOnlyList<AlertEvent> pending;
        using (IngestionTelemetry.BeginUntraced())
            pending = await alerts.ReadUnpublishedAsync(BatchSize, cancellationToken);
        if (pending.Count == 0) return 0;
        await Task.WhenAll(pending.Select(e => PublishAsync(producer, e.Alert, cancellationToken)));
        using (IngestionTelemetry.BeginUntraced())
            await alerts.MarkPublishedAsync(pending.Select(e => e.Sequence).ToList(), cancellationToken);
        foreach (var alert in pending.Select(e => e.Alert))
        {
            IngestionTelemetry.AlertsPublished.Add(1, new KeyValuePair<string, object?>(IngestionTelemetry.Tags.AlertKind, alert.Kind),
                new KeyValuePair<string, object?>(IngestionTelemetry.Tags.AlertSeverity, alert.Severity));
        }
        return pending.Count;
    }

    /// <summary>One span per alert, with its reason; the record's traceparent header continues that trace for consumers.</summary>
    private async Task PublishAsync(IProducer<string, byte[]> producer, Alert alert, CancellationToken cancellationToken)
    {
        using var activity = IngestionTelemetry.Source.StartActivity(IngestionTelemetry.Spans.AlertPublish, ActivityKind.Producer);
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.operation.type", "send");
        activity?.SetTag(IngestionTelemetry.Tags.Topic, options.Value.AlertTopic);
        // An alert is about a contract (municipality × provider), never about a client: its id and description may be traced.
        activity?.SetTag(IngestionTelemetry.Tags.AlertId, alert.Id);
        activity?.SetTag(IngestionTelemetry.Tags.AlertKind, alert.Kind);
        activity?.SetTag(IngestionTelemetry.Tags.AlertSeverity, alert.Severity);
        activity?.SetTag(IngestionTelemetry.Tags.AlertReason, alert.Description);
        if (alert.TriggeringMessageId is not null) activity?.SetTag(IngestionTelemetry.Tags.MessageId, alert.TriggeringMessageId);
        var headers = new Headers { { "content-type", Encoding.ASCII.GetBytes("application/json") } };
        if (activity is not null) headers.Add("traceparent", Encoding.ASCII.GetBytes(activity.Id!));
        await producer.ProduceAsync(options.Value.AlertTopic, new Message<string, byte[]>
        {
            Key = alert.Id,
            Value = AlertMessage.From(alert).ToJsonUtf8(),
            Headers = headers,
        }, cancellationToken);
    }
}
