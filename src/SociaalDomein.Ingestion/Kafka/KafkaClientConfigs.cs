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
            MaxPartitionFetchBytes = MaxRecordBytes,
            FetchMaxBytes = 2 * MaxRecordBytes,
        };
        return config;
    }

    /// <summary>A producer that only reports success once all in-sync replicas have the record, without duplicates on retry.</summary>
    public static ProducerConfig Producer(KafkaOptions options, string clientId) =>
        new(Extra(options))
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = clientId,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            MessageMaxBytes = MaxRecordBytes,
        };

    private static Dictionary<string, string> Extra(KafkaOptions options) => new(options.Client);
}
