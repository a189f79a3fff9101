using Confluent.Kafka;

namespace SociaalDomein.EndToEnd.Tests;

/// <summary>Reads a topic from the start with a fresh consumer group, as an outside consumer of the system would.</summary>
internal static class TopicReader
{
    /// <summary>Reads until <paramref name="expected"/> records arrived (or 30 s passed), then keeps reading until the topic
    /// has been quiet for <paramref name="quiet"/>, so that a duplicate beyond what was expected is seen too.</summary>
    public static List<ConsumeResult<byte[]?, byte[]>> ReadAll(string bootstrapServers, string topic, int expected, TimeSpan? quiet = null)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "test-reader-" + Guid.NewGuid(),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var records = new List<ConsumeResult<byte[]?, byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var quietUntil = DateTime.MaxValue;
        while (DateTime.UtcNow < deadline && DateTime.UtcNow < quietUntil)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(250));
            if (record?.Message is not null) records.Add(record);
            if (records.Count >= expected && (record?.Message is not null || quietUntil == DateTime.MaxValue))
                quietUntil = DateTime.UtcNow + (quiet ?? TimeSpan.FromSeconds(1));
        }
        consumer.Close();
        return records;
    }
}
