using Confluent.Kafka;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.LoadTests.Production;

namespace SociaalDomein.LoadTests.Measurement;

/// <summary>One consumer-lag sample: seconds since the run started and records produced but not yet committed by the group.</summary>
public sealed record LagSample(double Seconds, long Lag);

/// <summary>
/// Samples the pipeline group's lag once a second from outside the pipeline: acknowledged end offsets of the produced
/// records minus the group's committed offsets (fetched without joining the group). The worker commits every second,
/// so a sample can be up to a second behind the processing.
/// </summary>
public sealed class ConsumerLagMonitor : IDisposable
{
    private readonly IConsumer<Ignore, Ignore> _consumer;
    private readonly ProducedRecords _produced;
    private readonly string _topic;
    private readonly DateTimeOffset _start;
    private readonly List<LagSample> _samples = [];
    private readonly Timer _timer;
    private int _sampling;

    public ConsumerLagMonitor(KafkaOptions kafka, string topic, ProducedRecords produced, DateTimeOffset start, TimeSpan interval)
    {
        var config = KafkaClientConfigs.Consumer(kafka, "sd-loadtest-lag");
        config.EnableAutoCommit = false;
        _consumer = new ConsumerBuilder<Ignore, Ignore>(config).SetLogHandler((_, _) => { }).Build();
        _produced = produced;
        _topic = topic;
        _start = start;
        _timer = new Timer(_ => Sample(), null, interval, interval);
    }

    public IReadOnlyList<LagSample> Samples
    {
        get
        {
            lock (_samples) return _samples.ToList();
        }
    }

    public void Sample()
    {
        if (Interlocked.Exchange(ref _sampling, 1) == 1) return;
        try
        {
            var ends = _produced.EndOffsets.ToList();
            if (ends.Count == 0) return;
            var committed = _consumer.Committed(ends.Select(e => new TopicPartition(_topic, new Partition(e.Key))), TimeSpan.FromSeconds(5))
                .ToDictionary(c => c.Partition.Value, c => c.Offset.Value);
            long lag = 0;
            foreach (var (partition, end) in ends)
                lag += Math.Max(0, end - Math.Max(0, committed.GetValueOrDefault(partition, 0)));
            lock (_samples) _samples.Add(new LagSample(Math.Round((DateTimeOffset.UtcNow - _start).TotalSeconds, 1), lag));
        }
        catch (KafkaException)
        {
            // A sample missed (broker busy); the next one comes in a second.
        }
        finally
        {
            Volatile.Write(ref _sampling, 0);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _consumer.Dispose();
    }
}
