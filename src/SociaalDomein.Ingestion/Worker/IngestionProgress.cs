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

    public void MarkAccepted(TopicPartitionOffset position)
    {
        Interlocked.Increment(ref _accepted);
        MarkDone(position);
    }

    public void MarkDeadLettered(TopicPartitionOffset position)
    {
        Interlocked.Increment(ref _deadLettered);
        MarkDone(position);
    }

    /// <summary>True when every record below the given end offsets has been processed.</summary>
    public bool HasReached(IEnumerable<TopicPartitionOffset> endOffsets) =>
        endOffsets.All(end => _nextOffset.TryGetValue(end.TopicPartition, out var next) && next >= end.Offset.Value);

    private void MarkDone(TopicPartitionOffset position) =>
        _nextOffset.AddOrUpdate(position.TopicPartition, position.Offset.Value + 1, (_, old) => Math.Max(old, position.Offset.Value + 1));
}
