using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Confluent.Kafka;

namespace SociaalDomein.Ingestion.Worker;

/// <summary>
/// Samples the lag of a consumer's assigned partitions (high watermark − position) from the consume loop, so the
/// consumer is only ever touched by its own thread; the <c>sd.consumer.lag</c> gauge reads the last samples.
/// </summary>
/// <remarks>
/// Both numbers come from librdkafka's cache (the high watermark from the latest fetch response), so sampling costs no
/// broker round trip. A partition without a position yet (nothing fetched since assignment) is not reported.
/// </remarks>
public sealed class ConsumerLagSampler : IDisposable
{
    private static readonly ConcurrentDictionary<ConsumerLagSampler, byte> Live = new();

    private readonly ConcurrentDictionary<TopicPartition, long> _lag = new();
    private readonly long _intervalTicks;
    private long _nextSample;

    public ConsumerLagSampler(TimeSpan interval)
    {
        _intervalTicks = (long)(interval.TotalSeconds * Stopwatch.Frequency);
        Live[this] = 0;
    }

    /// <summary>The last sampled lag per assigned partition.</summary>
    public IReadOnlyDictionary<TopicPartition, long> Current => _lag;

    /// <summary>Samples every assigned partition when the interval has passed since the last sample.</summary>
    public void SampleIfDue<TKey, TValue>(IConsumer<TKey, TValue> consumer)
    {
        var now = Stopwatch.GetTimestamp();
        if (now < _nextSample) return;
        _nextSample = now + _intervalTicks;
        Sample(consumer);
    }

    public void Sample<TKey, TValue>(IConsumer<TKey, TValue> consumer)
    {
        var assigned = consumer.Assignment;
        foreach (var partition in assigned)
        {
            var high = consumer.GetWatermarkOffsets(partition).High;
            var position = consumer.Position(partition);
            if (high == Offset.Unset || position == Offset.Unset) continue;
            _lag[partition] = Math.Max(0, high.Value - position.Value);
        }
        foreach (var gone in _lag.Keys.Except(assigned).ToList())
            _lag.TryRemove(gone, out _);
    }

    /// <summary>Forgets the partitions (on revocation), so the gauge no longer reports them from this process.</summary>
    public void Forget(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions) _lag.TryRemove(partition, out _);
    }

    internal static IEnumerable<Measurement<long>> Observe() =>
        Live.Keys.SelectMany(sampler => sampler._lag.Select(entry => new Measurement<long>(entry.Value,
            new KeyValuePair<string, object?>(IngestionTelemetry.Tags.Topic, entry.Key.Topic),
            new KeyValuePair<string, object?>(IngestionTelemetry.Tags.Partition, entry.Key.Partition.Value.ToString(CultureInfo.InvariantCulture)))));

    public void Dispose() => Live.TryRemove(this, out _);
}
