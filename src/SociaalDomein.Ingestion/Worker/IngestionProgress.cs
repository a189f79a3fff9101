using System.Collections.Concurrent;
using Confluent.Kafka;

namespace SociaalDomein.Ingestion.Worker;

/// <summary>
/// What this process has durably processed, per partition and in counts. Lets a replay wait until everything it
/// published has been consumed, and feeds health and metrics.
/// </summary>
public sealed class IngestionProgress
{
    private readonly ConcurrentDictionary<TopicPartition, long> _nextOffset = new();
    private long _accepted;
    private long _deadLettered;

    public long Accepted => Interlocked.Read(ref _accepted);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    public void MarkAccepted() => Interlocked.Increment(ref _accepted);

    public void MarkDeadLettered() => Interlocked.Increment(ref _deadLettered);

    /// <summary>Every record of the partition below <paramref name="next"/> is durable (records finish out of order; this is the prefix).</summary>
    public void MarkDurableUpTo(TopicPartitionOffset next) =>
        _nextOffset.AddOrUpdate(next.TopicPartition, next.Offset.Value, (_, old) => Math.Max(old, next.Offset.Value));

    /// <summary>True when every record below the given end offsets has been processed.</summary>
    public bool HasReached(IEnumerable<TopicPartitionOffset> endOffsets) =>
        endOffsets.All(end => _nextOffset.TryGetValue(end.TopicPartition, out var next) && next >= end.Offset.Value);
}
