using System.Text.Json;

namespace SociaalDomein.Ingestion.Worker;

/// <summary>
/// What the consumer has fetched ahead of the worker (librdkafka's per-partition fetchq_cnt and fetchq_size, summed):
/// the memory that backpressure bounds (Kafka:MaxPrefetchKbytes).
/// </summary>
public readonly record struct FetchQueue(long Records, long Bytes)
{
    /// <summary>Reads librdkafka's statistics JSON (statistics.interval.ms); partition -1 is the topic's internal one.</summary>
    public static FetchQueue FromStatistics(string json)
    {
        using var document = JsonDocument.Parse(json);
        long records = 0, bytes = 0;
        if (!document.RootElement.TryGetProperty("topics", out var topics)) return default;
        foreach (var topic in topics.EnumerateObject())
        {
            if (!topic.Value.TryGetProperty("partitions", out var partitions)) continue;
            foreach (var partition in partitions.EnumerateObject())
            {
                if (partition.Name == "-1") continue;
                if (partition.Value.TryGetProperty("fetchq_cnt", out var count)) records += count.GetInt64();
                if (partition.Value.TryGetProperty("fetchq_size", out var size)) bytes += size.GetInt64();
            }
        }
        return new FetchQueue(records, bytes);
    }
}
