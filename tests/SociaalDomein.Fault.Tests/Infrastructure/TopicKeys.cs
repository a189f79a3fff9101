using Confluent.Kafka;

namespace SociaalDomein.Fault.Tests.Infrastructure;

/// <summary>Reads a whole topic with a fresh consumer group, to the end of every partition, as an outside consumer would.</summary>
internal static class TopicKeys
{
    public static List<ConsumeResult<string?, byte[]>> ReadAll(string bootstrapServers, string topic, TimeSpan? timeout = null)
    {
        using var consumer = new ConsumerBuilder<string?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "fault-reader-" + Guid.NewGuid(),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            TopicMetadataRefreshIntervalMs = 500,
        }).Build();
        consumer.Subscribe(topic);
        var records = new List<ConsumeResult<string?, byte[]>>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var ended = new HashSet<int>();
        while (DateTime.UtcNow < deadline)
        {
            ConsumeResult<string?, byte[]>? record;
            try
            {
                record = consumer.Consume(TimeSpan.FromMilliseconds(200));
            }
            catch (ConsumeException)
            {
                continue; // the topic may not exist yet
            }
            if (record is null) continue;
            if (record.IsPartitionEOF)
            {
                ended.Add(record.Partition.Value);
                if (consumer.Assignment.Count > 0 && ended.SetEquals(consumer.Assignment.Select(p => p.Partition.Value))) break;
                continue;
            }
            records.Add(record);
        }
        consumer.Close();
        return records;
    }
}
