using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace SociaalDomein.Fault.Tests.Infrastructure;

/// <summary>
/// Reads a whole topic, every partition from its first record up to the high watermark it has when the read starts.
/// Call it once the records are acknowledged (the tests wait until the outbox has marked every alert published): the high
/// watermarks then cover them all.
/// </summary>
/// <remarks>
/// No consumer group and no partition EOF events: an earlier version subscribed with a fresh group and stopped at the
/// first EOF of every assigned partition, within 20 s. Under load the group join (the mock coordinator's initial rebalance
/// delay, then SyncGroup) could eat the whole deadline, and the read came back empty without saying so. Assigning the
/// partitions directly and reading to watermarks taken up front needs no coordinator, and a read that cannot reach a
/// watermark before the deadline throws instead of returning less.
/// </remarks>
internal static class TopicKeys
{
    public static List<ConsumeResult<string?, byte[]>> ReadAll(string bootstrapServers, string topic, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var partitions = PartitionsOf(bootstrapServers, topic, deadline);
        using var consumer = new ConsumerBuilder<string?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "fault-reader-" + Guid.NewGuid(), // required by the client; no group is joined (Assign, no commits)
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
        }).Build();

        // The end of each partition now; a partition's low watermark is where the read starts.
        var remaining = new Dictionary<int, long>();
        var starts = new List<TopicPartitionOffset>();
        foreach (var partition in partitions)
        {
            var marks = Retry(() => consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(5)), deadline, $"watermarks of {partition}");
            if (marks.High.Value > marks.Low.Value) remaining[partition.Partition.Value] = marks.High.Value;
            starts.Add(new TopicPartitionOffset(partition, marks.Low));
        }

        var records = new List<ConsumeResult<string?, byte[]>>();
        if (remaining.Count == 0) return records;
        consumer.Assign(starts.Where(s => remaining.ContainsKey(s.Partition.Value)));
        while (remaining.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Reading {topic}: partitions {string.Join(", ", remaining.Select(r => $"[{r.Key}] up to {r.Value}"))} " +
                                           $"not read to their high watermark in time ({records.Count} records read).");
            ConsumeResult<string?, byte[]>? record;
            try
            {
                record = consumer.Consume(TimeSpan.FromMilliseconds(200));
            }
            catch (ConsumeException e) when (!e.Error.IsFatal)
            {
                continue; // e.g. a leader not known yet; the deadline bounds the retries
            }
            if (record?.Message is null) continue;
            records.Add(record);
            var partition = record.Partition.Value;
            if (remaining.TryGetValue(partition, out var high) && record.Offset.Value + 1 >= high) remaining.Remove(partition);
        }
        consumer.Close();
        return records;
    }

    private static List<TopicPartition> PartitionsOf(string bootstrapServers, string topic, DateTime deadline)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        return Retry(() =>
        {
            // All topics rather than this one: asking for one topic by name may create it on the mock broker.
            var found = admin.GetMetadata(TimeSpan.FromSeconds(5)).Topics.FirstOrDefault(t => t.Topic == topic);
            if (found is null || found.Error.Code != ErrorCode.NoError || found.Partitions.Count == 0)
                throw new KafkaException(new Error(ErrorCode.UnknownTopicOrPart, $"topic {topic} not (yet) in the metadata"));
            return found.Partitions.Select(p => new TopicPartition(topic, p.PartitionId)).ToList();
        }, deadline, $"partitions of {topic}");
    }

    private static T Retry<T>(Func<T> attempt, DateTime deadline, string what)
    {
        while (true)
        {
            try
            {
                return attempt();
            }
            catch (KafkaException) when (DateTime.UtcNow < deadline)
            {
                // Transient (broker busy, topic not in the metadata yet): try again until the deadline.
                Thread.Sleep(200);
            }
            catch (KafkaException e)
            {
                throw new TimeoutException($"Reading {what} failed until the deadline: {e.Error.Reason}", e);
            }
        }
    }
}
