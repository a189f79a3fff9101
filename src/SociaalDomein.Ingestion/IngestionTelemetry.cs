using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SociaalDomein.Ingestion;

/// <summary>
/// Trace source and metrics of the ingestion path. Tags carry the standard, the message type, a rule code, a topic or a
/// partition: never a BSN, a pseudonym, or anything else about a client.
/// </summary>
public static class IngestionTelemetry
{
    public const string Name = "SociaalDomein.Ingestion";

    /// <summary>Span names, so tests and dashboards name them the same way.</summary>
    public static class Spans
    {
        public const string Publish = "istd publish";
        public const string Process = "istd process";
        public const string DeadLetter = "istd dead-letter";
        public const string AlertPublish = "sd.alerts publish";
    }

    /// <summary>Tag (attribute) names of our own spans and metrics.</summary>
    public static class Tags
    {
        /// <summary>"ijw", "iwmo" or "unknown".</summary>
        public const string Standard = "sd.standard";
        /// <summary>The functional message number ("301", "323") or "unknown".</summary>
        public const string MessageType = "sd.message.type";
        public const string MessageId = "sd.message.id";
        public const string Outcome = "sd.outcome";
        public const string DeadLetterRule = "sd.deadletter.rule";
        public const string DeadLetterElement = "sd.deadletter.element";
        public const string DeadLetterReason = "sd.deadletter.reason";
        public const string AlertId = "sd.alert.id";
        public const string AlertKind = "sd.alert.kind";
        public const string AlertSeverity = "sd.alert.severity";
        public const string AlertReason = "sd.alert.reason";
        public const string Topic = "messaging.destination.name";
        public const string Partition = "messaging.destination.partition.id";
    }

    public static class Outcomes
    {
        public const string Accepted = "accepted";
        public const string DeadLettered = "dead_lettered";
    }

    public static readonly ActivitySource Source = new(Name);

    /// <summary>
    /// Makes what runs until disposal part of no trace: background polling (the alert outbox, readiness probes) would
    /// otherwise start a trace of PostgreSQL spans every few hundred milliseconds. Children of this unrecorded activity
    /// are dropped by the default parent-based sampler.
    /// </summary>
    public static IDisposable BeginUntraced()
    {
        var quiet = new Activity("sd.untraced");
        quiet.Start();
        quiet.ActivityTraceFlags = ActivityTraceFlags.None;
        return quiet;
    }

    private static readonly Meter Meter = new(Name);

    /// <summary>Bucket bounds in seconds for latencies that run from a few milliseconds to minutes (a backlog).</summary>
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    public static readonly Counter<long> MessagesConsumed = Meter.CreateCounter<long>("sd.messages.consumed", "{message}",
        "Records consumed from the input topics, by standard and message type as far as the root element tells");

    public static readonly Counter<long> MessagesAccepted = Meter.CreateCounter<long>("sd.messages.accepted", "{message}",
        "Messages applied to the grains, by standard and message type");

    public static readonly Counter<long> MessagesDeadLettered = Meter.CreateCounter<long>("sd.messages.deadlettered", "{message}",
        "Records sent to the dead-letter topic, by standard, message type and rule");

    public static readonly Counter<long> DeclarationLines = Meter.CreateCounter<long>("sd.declaration.lines", "{line}",
        "Declaration lines (prestaties) applied, by standard and message type");

    public static readonly Counter<long> AlertsPublished = Meter.CreateCounter<long>("sd.alerts.published", "{alert}",
        "Alerts raised and published to the alert topic, by kind and severity");

    public static readonly Histogram<double> EndToEndLatency = Meter.CreateHistogram<double>("sd.message.end_to_end.duration", "s",
        "From the Kafka record's timestamp to the moment its effect is durable (applied, or dead-lettered)",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

    public static readonly Histogram<double> ProcessingDuration = Meter.CreateHistogram<double>("sd.message.processing.duration", "s",
        "From consuming a record to its effect being durable (parse, grain calls, PostgreSQL writes, retries)",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

    /// <summary>
    /// Consumer lag per assigned partition (high watermark − position), sampled from the worker's consumer. The gauge
    /// reads whatever the running workers last sampled; a partition that is revoked disappears from it.
    /// </summary>
    public static readonly ObservableGauge<long> ConsumerLag = Meter.CreateObservableGauge<long>("sd.consumer.lag",
        Worker.ConsumerLagSampler.Observe, "{message}", "Records on an assigned partition not yet consumed (high watermark − position)");
}
