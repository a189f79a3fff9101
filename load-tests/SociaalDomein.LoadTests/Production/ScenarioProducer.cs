using System.Diagnostics;
using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.LoadTests.Measurement;
using SociaalDomein.LoadTests.Scenarios;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Writing;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.LoadTests.Production;

/// <summary>
/// Streams a scenario from the generator onto the input topic as the backoffices would (key = municipality:provider, so
/// one contract stays in order on one partition), with the record timestamp set by the harness so latencies start at a
/// known instant. Generation happens in the produce loop: nothing is held in memory but the producer's queue.
/// </summary>
public sealed class ScenarioProducer : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly string _topic;
    private readonly HashSet<(string Provider, string Referentie)> _seenLines = [];
    private readonly Dictionary<(DateOnly Day, string Municipality, string Provider), int> _linesPerDailyKey = [];

    public ScenarioProducer(KafkaOptions kafka, string topic)
    {
        var config = KafkaClientConfigs.Producer(kafka, "sd-loadtest-producer");
        config.LingerMs = 20;
        config.BatchSize = 4 * 1024 * 1024;
        config.QueueBufferingMaxKbytes = 512 * 1024;
        _producer = new ProducerBuilder<string, byte[]>(config).Build();
        _topic = topic;
    }

    public ProducedRecords Records { get; } = new();

    /// <summary>Called for every n-th declaration with its daily-cost key and the line count that key must reach.</summary>
    public Action<DailyTotalProbe>? OnProbe { get; set; }

    /// <summary>Called before each record is produced, e.g. to hold the backlog below a bound (it may block).</summary>
    public Action? BeforeEachRecord { get; set; }

    /// <summary>Moved to each message's Dagtekening before it is produced, when set.</summary>
    public TrafficDay? Day { get; set; }

    /// <summary>Every how many declarations a daily-total visibility probe is taken.</summary>
    public int ProbeEvery { get; set; } = 50;

    /// <summary>Produces the messages that pass <paramref name="filter"/>, paced as asked; returns when all are acknowledged.</summary>
    public void Produce(IEnumerable<ScenarioGenerator> generators, Func<IstdMessage, bool> filter, Pacing pacing, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        long pacedLines = 0;
        long declarations = 0;
        foreach (var generator in generators)
        {
            ForgetEarlierYears();
            foreach (var scenarioMessage in generator.StreamMessages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var message = scenarioMessage.Message;
                if (!filter(message)) continue;
                if (pacing.Duration is { } duration && Stopwatch.GetElapsedTime(started) >= duration) goto done;
                var lines = message is DeclaratieMessage d ? d.Clients.Sum(c => c.Prestaties.Count) : 0;
                if (pacing.LinesPerSecond is { } rate && lines > 0)
                {
                    // Wait until the lines produced so far fit the rate: a steady stream, message by message.
                    var due = TimeSpan.FromSeconds(pacedLines / rate);
                    var wait = due - Stopwatch.GetElapsedTime(started);
                    if (wait > TimeSpan.FromMilliseconds(1)) Thread.Sleep(wait);
                    pacedLines += lines;
                }

                BeforeEachRecord?.Invoke();
                Day?.Advance(message.Header.Dagtekening);
                var bytes = MessageWriter.Write(message);
                var now = DateTimeOffset.UtcNow;
                Records.FirstProducedAt ??= now;
                var record = new Message<string, byte[]>
                {
                    Key = $"{message.MunicipalityCode}:{message.ProviderAgb}",
                    Value = bytes,
                    Timestamp = new Timestamp(now),
                    Headers = new Headers { { "sd-source-file", System.Text.Encoding.UTF8.GetBytes(scenarioMessage.Name) } },
                };
                if (message is DeclaratieMessage declaratie)
                {
                    Records.Declared(declaratie.Key.ToString(), now.ToUnixTimeMilliseconds(), lines);
                    var probe = Account(declaratie, now);
                    if (++declarations % ProbeEvery == 0) OnProbe?.Invoke(probe);
                }
                ProduceWithBackpressure(record, cancellationToken);
                Records.Produced(bytes.Length);
            }
        }
        done:
        _producer.Flush(cancellationToken);
        // Flush returns when librdkafka's queue is empty, which can be just before the last delivery handlers have run;
        // the end offsets must include every record.
        while (Records.DeliveryReports < Records.Messages) Thread.Sleep(1);
        Records.LastProducedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>Counts the declaration's new lines towards the totals the pipeline must show, and the probe for its daily-cost key.</summary>
    private DailyTotalProbe Account(DeclaratieMessage declaratie, DateTimeOffset producedAt)
    {
        var key = (declaratie.Header.Dagtekening, declaratie.MunicipalityCode, declaratie.ProviderAgb);
        _linesPerDailyKey.TryGetValue(key, out var count);
        foreach (var (_, prestatie) in declaratie.Lines)
        {
            if (!_seenLines.Add((declaratie.ProviderAgb, prestatie.ReferentieNummer))) continue;
            count++;
            Records.DistinctLines++;
            Records.DistinctAmountCents += prestatie.SignedAmountCents;
        }
        _linesPerDailyKey[key] = count;
        return new DailyTotalProbe(key.Dagtekening, key.MunicipalityCode, key.ProviderAgb, count, producedAt);
    }

    /// <summary>
    /// Each year's lines carry that year's months in their ReferentieNummer, so a line of an earlier year cannot come
    /// again: its set is dropped, and the daily keys of days more than two months back, before a new year is produced.
    /// The harness then holds one year of keys however many years a run takes.
    /// </summary>
    private void ForgetEarlierYears()
    {
        _seenLines.Clear();
        if (_linesPerDailyKey.Count == 0) return;
        var keepFrom = _linesPerDailyKey.Keys.Max(k => k.Day).AddMonths(-2);
        foreach (var key in _linesPerDailyKey.Keys.Where(k => k.Day < keepFrom).ToList()) _linesPerDailyKey.Remove(key);
    }

    private void ProduceWithBackpressure(Message<string, byte[]> record, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                _producer.Produce(_topic, record, Records.Delivered);
                return;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(30));
        _producer.Dispose();
    }
}
