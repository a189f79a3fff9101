using System.Collections.Concurrent;
using Confluent.Kafka;

namespace SociaalDomein.LoadTests.Production;

/// <summary>What the harness has put on the input topic: positions, counts and the produce time of every declaration.</summary>
public sealed class ProducedRecords
{
    private readonly ConcurrentDictionary<string, long> _declarationProducedAtMs = new(StringComparer.Ordinal);
    private readonly Queue<(long ProducedAtMs, string MessageId)> _produceOrder = new();
    private readonly ConcurrentDictionary<int, long> _endOffsets = new();
    private long _messages;
    private long _declarationMessages;
    private long _lines;
    private long _bytes;
    private long _deliveryFailures;
    private long _deliveryReports;

    /// <summary>Records put on the topic (301s and 323s, resent copies included).</summary>
    public long Messages => Interlocked.Read(ref _messages);

    public long DeclarationMessages => Interlocked.Read(ref _declarationMessages);

    /// <summary>Declaration lines (prestaties) in every produced 323, resent copies included: what a consumer has to parse.</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>Lines with a (provider, ReferentieNummer) not produced before: what the ledger ends up holding.</summary>
    public long DistinctLines { get; set; }

    public long Bytes => Interlocked.Read(ref _bytes);

    public long DeliveryFailures => Interlocked.Read(ref _deliveryFailures);

    /// <summary>Σ signed amount of the distinct lines, as the ledger must hold it.</summary>
    public long DistinctAmountCents { get; set; }

    public DateTimeOffset? FirstProducedAt { get; set; }

    public DateTimeOffset? LastProducedAt { get; set; }

    /// <summary>Delivered (acknowledged) end offset per partition: one past the last record.</summary>
    public IReadOnlyDictionary<int, long> EndOffsets => _endOffsets;

    /// <summary>
    /// How long the produce time of a declaration is kept for attributing alerts to it; null: for the whole run. A long
    /// paced run sets it, so the harness does not grow with every declaration it ever produced (an alert about a
    /// declaration older than this counts as unattributed).
    /// </summary>
    public TimeSpan? KeepProduceTimesFor { get; set; }

    /// <summary>Called by the one producing thread.</summary>
    public void Declared(string messageId, long producedAtMs, int lines)
    {
        // A resent copy keeps the first time: it raises nothing new.
        if (_declarationProducedAtMs.TryAdd(messageId, producedAtMs) && KeepProduceTimesFor is { } keep)
        {
            _produceOrder.Enqueue((producedAtMs, messageId));
            var before = producedAtMs - (long)keep.TotalMilliseconds;
            while (_produceOrder.TryPeek(out var oldest) && oldest.ProducedAtMs < before)
                _declarationProducedAtMs.TryRemove(_produceOrder.Dequeue().MessageId, out _);
        }
        Interlocked.Increment(ref _declarationMessages);
        Interlocked.Add(ref _lines, lines);
    }

    public void Produced(int bytes)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _bytes, bytes);
    }

    /// <summary>Delivery reports handled so far (acknowledged or failed).</summary>
    public long DeliveryReports => Interlocked.Read(ref _deliveryReports);

    public void Delivered(DeliveryReport<string, byte[]> report)
    {
        try
        {
            Record(report);
        }
        finally
        {
            Interlocked.Increment(ref _deliveryReports);
        }
    }

    private void Record(DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError)
        {
            Interlocked.Increment(ref _deliveryFailures);
            return;
        }
        _endOffsets.AddOrUpdate(report.Partition.Value, report.Offset.Value + 1, (_, old) => Math.Max(old, report.Offset.Value + 1));
    }

    public bool TryGetProducedAt(string messageId, out long producedAtMs) => _declarationProducedAtMs.TryGetValue(messageId, out producedAtMs);

    public IReadOnlyList<TopicPartitionOffset> Ends(string topic) =>
        _endOffsets.Select(e => new TopicPartitionOffset(topic, new Partition(e.Key), new Offset(e.Value))).ToList();
}
