using Confluent.Kafka;

namespace SociaalDomein.Ingestion.Worker;

/// <summary>
/// The records handed to the lanes, per partition in the order they were consumed. Records of different contracts finish
/// out of order, but a partition's committed offset may only pass a record once it and every record before it are
/// durable: this releases the contiguous finished prefix of each partition, and nothing beyond a record still running.
/// Thread-safe: lanes complete records while the consume thread starts them and takes what may be stored.
/// </summary>
public sealed class InFlightOffsets
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TopicPartition, Window> _partitions = new();
    private readonly Dictionary<TopicPartition, TopicPartitionOffset> _storable = new();

    /// <summary>Records started and not yet released, over all partitions.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _partitions.Values.Sum(w => w.Order.Count);
        }
    }

    public void Started(TopicPartitionOffset position)
    {
        lock (_gate)
        {
            if (!_partitions.TryGetValue(position.TopicPartition, out var window))
                _partitions[position.TopicPartition] = window = new Window();
            window.Order.Enqueue(position.Offset.Value);
            window.Finished[position.Offset.Value] = false;
        }
    }

    /// <summary>
    /// Marks a record durable. Returns the partition's next offset to commit when this completed the prefix up to it
    /// (every record before it is durable too), else null.
    /// </summary>
    public TopicPartitionOffset? Completed(TopicPartitionOffset position)
    {
        lock (_gate)
        {
            // A record of a partition forgotten meanwhile (lost in a rebalance) no longer decides anything.
            if (!_partitions.TryGetValue(position.TopicPartition, out var window)
                || !window.Finished.ContainsKey(position.Offset.Value)) return null;
            window.Finished[position.Offset.Value] = true;
            long? released = null;
            while (window.Order.TryPeek(out var head) && window.Finished[head])
            {
                window.Order.Dequeue();
                window.Finished.Remove(head);
                released = head;
            }
            if (released is not { } last) return null;
            var next = new TopicPartitionOffset(position.TopicPartition, last + 1);
            _storable[position.TopicPartition] = next;
            return next;
        }
    }

    /// <summary>
    /// Takes back the record started last, which never reached a lane (the worker stopped while it waited for room): it
    /// was not processed, so it neither counts as running nor lets its partition's offset pass it.
    /// </summary>
    public void Withdraw(TopicPartitionOffset position)
    {
        lock (_gate)
        {
            if (!_partitions.TryGetValue(position.TopicPartition, out var window)
                || !window.Finished.Remove(position.Offset.Value)) return;
            // It was started last, so it is the queue's tail: rebuild the queue without it.
            var rest = window.Order.Where(o => o != position.Offset.Value).ToList();
            window.Order.Clear();
            foreach (var o in rest) window.Order.Enqueue(o);
        }
    }

    /// <summary>Records still running (or waiting in a lane) on the given partitions.</summary>
    public int CountOn(IEnumerable<TopicPartition> partitions)
    {
        lock (_gate) return partitions.Sum(p => _partitions.TryGetValue(p, out var w) ? w.Order.Count : 0);
    }

    /// <summary>The offsets released since the last call, to be stored for the next commit (on the consume thread).</summary>
    public List<TopicPartitionOffset> TakeStorable()
    {
        lock (_gate)
        {
            if (_storable.Count == 0) return [];
            var taken = _storable.Values.ToList();
            _storable.Clear();
            return taken;
        }
    }

    /// <summary>Stops tracking partitions this consumer no longer owns; a late completion on them is ignored.</summary>
    public void Forget(IEnumerable<TopicPartition> partitions)
    {
        lock (_gate)
        {
            foreach (var partition in partitions)
            {
                _partitions.Remove(partition);
                _storable.Remove(partition);
            }
        }
    }

    private sealed class Window
    {
        public Queue<long> Order { get; } = new();

        public Dictionary<long, bool> Finished { get; } = new();
    }
}
