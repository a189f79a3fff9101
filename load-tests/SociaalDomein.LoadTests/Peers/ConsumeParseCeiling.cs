using System.Diagnostics;
using Confluent.Kafka;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;

namespace SociaalDomein.LoadTests.Peers;

/// <summary>
/// The ceiling: the same records consumed with one Confluent consumer and parsed with <see cref="MessageReader.Read(ReadOnlyMemory{byte}, string)"/>,
/// nothing else. No pipeline can be faster than this on the same core.
/// </summary>
public static class ConsumeParseCeiling
{
    public static PeerResult Run(KafkaOptions kafka, IReadOnlyDictionary<int, long>? starts, IReadOnlyList<TopicPartitionOffset> ends, CancellationToken cancellationToken)
    {
        long lines = 0, records = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        TopicReplay.ReadAll(kafka, starts, ends, record =>
        {
            records++;
            if (MessageReader.Read(record.Message.Value, "ceiling") is DeclaratieMessage declaratie)
            {
                foreach (var client in declaratie.Clients) lines += client.Prestaties.Count;
            }
        }, cancellationToken);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new PeerResult(records, lines, clock.Elapsed.TotalSeconds, cpu.TotalSeconds, new Dictionary<string, double>());
    }
}

/// <param name="Phases">Seconds per phase of the peer, in order.</param>
public sealed record PeerResult(long Records, long Lines, double Seconds, double CpuSeconds, IReadOnlyDictionary<string, double> Phases)
{
    public double LinesPerSecond => Seconds > 0 ? Math.Round(Lines / Seconds) : 0;
}
