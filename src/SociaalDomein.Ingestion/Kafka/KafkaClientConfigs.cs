using Confluent.Kafka;

namespace SociaalDomein.Ingestion.Kafka;

/// <summary>Builds librdkafka client configurations from <see cref="KafkaOptions"/>, so every client is set up the same way.</summary>
public static class KafkaClientConfigs
{
    /// <summary>
    /// Largest record any client produces or fetches: the standard's 25 MB message limit plus room for headers, so that an
    /// oversized message still reaches the worker (and the dead-letter topic) instead of failing at the producer. Brokers
    /// and topics need <c>message.max.bytes</c>/<c>max.message.bytes</c> of at least this (see docker-compose.yml).
    /// </summary>
    public const int MaxRecordBytes = Messages.Reading.MessageReader.MaxMessageBytes + 2 * 1024 * 1024;

    /// <summary>
    /// The consumer keeps at most this many records per partition waiting (besides the kilobyte bound): enough to keep
    /// the worker busy, few enough that a stalled store does not pile them up.
    /// </summary>
    public const int MaxPrefetchRecords = 1_000;

    /// <summary>Bytes asked per partition in one fetch (max.partition.fetch.bytes): what a queue may overshoot its bound by.</summary>
    public const int PartitionFetchBytes = 1024 * 1024;

    public static ConsumerConfig Consumer(KafkaOptions options, string clientId)
    {
        var config = new ConsumerConfig(Extra(options))
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = clientId,
            GroupId = options.ConsumerGroup,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // Offsets are stored by hand once a record's effect is durable; the background commit then only commits those.
            EnableAutoOffsetStore = false,
            EnableAutoCommit = true,
            AutoCommitIntervalMs = 1_000,
            EnablePartitionEof = false,
            SessionTimeoutMs = options.SessionTimeoutMs,
            HeartbeatIntervalMs = Math.Max(500, options.SessionTimeoutMs / 5),
            TopicMetadataRefreshIntervalMs = options.TopicMetadataRefreshIntervalMs,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            // Backpressure: the worker takes records into its lanes only while they have room (Kafka:WorkerMaxInFlight and
            // MaxPrefetchKbytes), so what librdkafka fetches ahead is the other place records pile up while the store or
            // the silo is slow. Bound it:
            // per partition at most MaxPrefetchKbytes queued, overshot by at most one partition fetch, which is small;
            // a record larger than a partition fetch still comes whole (librdkafka raises the fetch size for it).
            QueuedMaxMessagesKbytes = options.MaxPrefetchKbytes,
            QueuedMinMessages = MaxPrefetchRecords,
            StatisticsIntervalMs = options.StatisticsIntervalMs,
            MaxPartitionFetchBytes = PartitionFetchBytes,
            FetchMaxBytes = MaxRecordBytes,
        };
        return config;
    }

    /// <summary>An admin client (health checks) with the same connection and security settings as the others.</summary>
    public static AdminClientConfig Admin(KafkaOptions options, string clientId) =>
        new(Extra(options))
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = clientId,
        };

    /// <summary>
    /// A producer that only reports success once all in-sync replicas have the record, without duplicates on retry. Its
    /// batches are zstd-compressed: iJw/iWmo XML shrinks more than tenfold (a synthetic 34.6 MB JW323 of 40 000 lines:
    /// 1.5 MB at zstd's default level), so a 25 MB message is stored and fetched as a batch of a few MB at most (the
    /// consumer decompresses it; the record is the same bytes). Besides saving broker disk and
    /// network, this is what lets the embedded broker carry large messages at all: librdkafka's mock cluster keeps at
    /// most 5 MB of batches per partition, and when appending a batch forces it to drop every older batch of the
    /// partition it also moves the partition's start offset past the new batch (rd_kafka_mock_msgset_new trims before
    /// linking the new batch). A 20 MB record followed by any record on the same partition therefore made that next
    /// record unreachable, and the consumer, told "offset out of range", skipped to an empty log end (docs/reliability.md).
    /// </summary>
    public static ProducerConfig Producer(KafkaOptions options, string clientId) =>
        new(Extra(options))
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = clientId,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            MessageMaxBytes = MaxRecordBytes,
            CompressionType = CompressionType.Zstd,
        };

    /// <summary>
    /// Kafka:Client first, then the security settings (Kafka:SecurityProtocol, Kafka:Sasl*, Kafka:SslCaLocation).
    /// </summary>
    /// <exception cref="InvalidOperationException">The security settings are inconsistent; the message names each one.</exception>
    private static Dictionary<string, string> Extra(KafkaOptions options)
    {
        // The host checks these at start with every other setting; a client built some other way is refused here.
        var problems = options.SecurityProblems().ToList();
        if (problems.Count > 0) throw new InvalidOperationException("Kafka security settings refused: " + string.Join(" ", problems));
        var config = new Dictionary<string, string>(options.Client);
        var protocol = options.EffectiveSecurityProtocol;
        if (protocol.Length == 0) return config;
        config["security.protocol"] = protocol;
        if (protocol.StartsWith("sasl_", StringComparison.Ordinal))
        {
            config["sasl.mechanism"] = options.SaslMechanism.Trim().ToUpperInvariant();
            config["sasl.username"] = options.SaslUsername;
            config["sasl.password"] = options.SaslPassword;
        }
        if (options.SslCaLocation.Length > 0) config["ssl.ca.location"] = options.SslCaLocation;
        return config;
    }
}
