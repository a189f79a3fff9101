using System.Diagnostics;
using System.Diagnostics.Metrics;
using SociaalDomein.Delivery.Alerts;
using SociaalDomein.Delivery.Log;
using SociaalDomein.Delivery.Worker;

namespace SociaalDomein.Delivery;

/// <summary>
/// Trace source and metrics of alert delivery: a span per delivery (one alert revision to one subscription by one
/// channel) and counts of deliveries and attempts with their duration. Tags carry the channel, the outcome, the alert's
/// id, kind, severity and change, and the subscription's id: never a webhook URL, secret, signature, e-mail address,
/// payload or error text (a receiver's reply may echo what it was sent), and so never anything about a client.
/// </summary>
public sealed class DeliveryTelemetry
{
    public const string Name = "SociaalDomein.Delivery";

    /// <summary>Span name of one delivery.</summary>
    public const string DeliverSpan = "sd.alerts deliver";

    /// <summary>Tag (attribute) names of the delivery span and metrics.</summary>
    public static class Tags
    {
        /// <summary>"webhook" or "email".</summary>
        public const string Channel = "sd.delivery.channel";
        /// <summary>How the delivery was settled: "delivered" or "failed".</summary>
        public const string Outcome = "sd.delivery.outcome";
        /// <summary>How one attempt ended: "delivered", "transient" or "permanent".</summary>
        public const string AttemptResult = "sd.delivery.attempt.result";
        /// <summary>Attempts in all, including those made before a restart.</summary>
        public const string Attempts = "sd.delivery.attempts";
        public const string SubscriptionId = "sd.subscription.id";
        public const string AlertId = "sd.alert.id";
        public const string AlertKind = "sd.alert.kind";
        public const string AlertSeverity = "sd.alert.severity";
        public const string AlertChange = "sd.alert.change";
        public const string AlertRevision = "sd.alert.revision";
    }

    public static readonly ActivitySource Source = new(Name);

    /// <summary>Bucket bounds in seconds: a webhook answers in milliseconds, a delivery with retries takes minutes.</summary>
    private static readonly double[] DurationBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _attempts;
    private readonly Histogram<double> _duration;

    /// <param name="meters">The host's meter factory, so that each host (and each test) has meters of its own.</param>
    public DeliveryTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name);
        _deliveries = meter.CreateCounter<long>("sd.alert.deliveries", "{delivery}",
            "Alert deliveries settled, by channel and outcome (delivered, or failed after a permanent refusal or the last attempt)");
        _attempts = meter.CreateCounter<long>("sd.alert.delivery.attempts", "{attempt}",
            "Delivery attempts (webhook calls, SMTP sessions), by channel and how each ended");
        _duration = meter.CreateHistogram<double>("sd.alert.delivery.duration", "s",
            "From the start of a delivery to it being settled in the delivery log, waits between attempts included, by channel and outcome",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    /// <summary>Starts the span of one delivery; null when nothing listens.</summary>
    public static Activity? StartDelivery(DeliveryKey key, AlertDocument alert)
    {
        var activity = Source.StartActivity(DeliverSpan, ActivityKind.Internal);
        if (activity is null) return null;
        activity.SetTag(Tags.Channel, key.ChannelName);
        activity.SetTag(Tags.SubscriptionId, key.SubscriptionId);
        activity.SetTag(Tags.AlertId, alert.Id);
        activity.SetTag(Tags.AlertKind, alert.Kind);
        activity.SetTag(Tags.AlertSeverity, alert.Severity);
        activity.SetTag(Tags.AlertChange, alert.Change);
        activity.SetTag(Tags.AlertRevision, alert.Revision);
        return activity;
    }

    public void Attempted(DeliveryKey key, AttemptOutcome outcome) =>
        _attempts.Add(1, new KeyValuePair<string, object?>(Tags.Channel, key.ChannelName),
            new KeyValuePair<string, object?>(Tags.AttemptResult, outcome.ToString().ToLowerInvariant()));

    /// <param name="status"><see cref="DeliveryStatus.Delivered"/> or <see cref="DeliveryStatus.Failed"/>.</param>
    public void Settled(Activity? activity, DeliveryKey key, string status, int attempts, TimeSpan duration)
    {
        var channel = new KeyValuePair<string, object?>(Tags.Channel, key.ChannelName);
        var outcome = new KeyValuePair<string, object?>(Tags.Outcome, status);
        _deliveries.Add(1, channel, outcome);
        _duration.Record(duration.TotalSeconds, channel, outcome);
        if (activity is null) return;
        activity.SetTag(Tags.Outcome, status);
        activity.SetTag(Tags.Attempts, attempts);
        if (status != DeliveryStatus.Delivered) activity.SetStatus(ActivityStatusCode.Error, $"delivery {status} after {attempts} attempt(s)");
    }
}
