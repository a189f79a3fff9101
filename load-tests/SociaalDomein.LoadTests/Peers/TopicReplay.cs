using Confluent.Kafka;
using SociaalDomein.Ingestion.Kafka;

namespace SociaalDomein.LoadTests.Peers;

/// <summary>Reads every record of a topic from the beginning up to given end offsets with a plain consumer (no group join).</summary>
public static class TopicReplay
{
    /// <param name="starts">First offset to read per partition; null or a missing partition: from the beginning.</param>
    public static void ReadAll(KafkaOptions kafka, IReadOnlyDictionary<int, long>? starts, IReadOnlyList<TopicPartitionOffset> ends,
        Action<ConsumeResult<Ignore, byte[]>> onRecord, CancellationToken cancellationToken)
    {
        var config = KafkaClientConfigs.Consumer(kafka, "sd-loadtest-replay");
        config.GroupId = $"sd-loadtest-replay-{Guid.NewGuid():N}";
        config.EnableAutoCommit = false;
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        long StartOf(int partition) => starts?.GetValueOrDefault(partition) ?? 0;
        consumer.Assign(ends.Select(e => new TopicPartitionOffset(e.TopicPartition,
            StartOf(e.Partition.Value) > 0 ? new Offset(StartOf(e.Partition.Value)) : Offset.Beginning)));
        var remaining = ends.Where(e => e.Offset.Value > StartOf(e.Partition.Value)).ToDictionary(e => e.Partition.Value, e => e.Offset.Value);
        while (remaining.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = consumer.Consume(TimeSpan.FromSeconds(10))
                         ?? throw new TimeoutException($"No record for 10 s while {remaining.Count} partitions were unread.");
            if (record.Message is null) continue;
            if (!remaining.TryGetValue(record.Partition.Value, out var end) || record.Offset.Value >= end) continue;
            onRecord(record);
            if (record.Offset.Value + 1 >= end) remaining.Remove(record.Partition.Value);
        }
        consumer.Close();
    }
}
