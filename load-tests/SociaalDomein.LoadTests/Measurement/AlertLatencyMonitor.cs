using System.Collections.Concurrent;
using Confluent.Kafka;
using SociaalDomein.Ingestion.AlertPublishing;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.LoadTests.Production;

namespace SociaalDomein.LoadTests.Measurement;

/// <summary>
/// Reads the alert topic from the start and measures, per alert, the time from the triggering declaration's record
/// timestamp (set when the harness produced it) to the alert record's timestamp (set when the pipeline produced it).
/// </summary>
public sealed class AlertLatencyMonitor : IDisposable
{
    private readonly IConsumer<string, byte[]> _consumer;
    private readonly ProducedRecords _produced;
    private readonly ConcurrentBag<double> _latenciesMs = [];
    private readonly ConcurrentBag<double> _receivedLatenciesMs = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _alerts;
    private long _unattributed;

    public AlertLatencyMonitor(KafkaOptions kafka, string alertTopic, ProducedRecords produced)
    {
        var config = KafkaClientConfigs.Consumer(kafka, "sd-loadtest-alerts");
        config.GroupId = $"sd-loadtest-alerts-{Guid.NewGuid():N}";
        config.EnableAutoCommit = false;
        _consumer = new ConsumerBuilder<string, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        _consumer.Subscribe(alertTopic);
        _produced = produced;
        _thread = new Thread(Loop) { IsBackground = true, Name = "alert-latency" };
        _thread.Start();
    }

    public long Alerts => Interlocked.Read(ref _alerts);

    /// <summary>Alerts without a triggering declaration this run produced (e.g. raised by a ceiling change).</summary>
    public long Unattributed => Interlocked.Read(ref _unattributed);

    /// <summary>Triggering record timestamp → alert record timestamp.</summary>
    public IReadOnlyCollection<double> LatenciesMs => _latenciesMs;

    /// <summary>Triggering record timestamp → the harness has the alert in hand (adds the consumer's fetch wait).</summary>
    public IReadOnlyCollection<double> ReceivedLatenciesMs => _receivedLatenciesMs;

    private void Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            ConsumeResult<string, byte[]>? result;
            try
            {
                result = _consumer.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException)
            {
                continue; // the topic may not exist yet on a real broker
            }
            if (result?.Message?.Value is null) continue;
            var received = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            Interlocked.Increment(ref _alerts);
            var alert = AlertMessage.FromJson(result.Message.Value);
            if (alert?.TriggeringMessageId is { } trigger && _produced.TryGetProducedAt(trigger, out var producedAt))
            {
                _latenciesMs.Add(result.Message.Timestamp.UnixTimestampMs - producedAt);
                _receivedLatenciesMs.Add(received - producedAt);
            }
            else
            {
                Interlocked.Increment(ref _unattributed);
            }
        }
    }

    /// <summary>Waits until <paramref name="expected"/> alerts were read or the timeout passes.</summary>
    public void WaitFor(long expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Alerts < expected && DateTime.UtcNow < deadline) Thread.Sleep(50);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _consumer.Close();
        _consumer.Dispose();
        _stop.Dispose();
    }
}
