using Confluent.Kafka;

namespace SociaalDomein.Ingestion.Kafka;

/// <summary>
/// The embedded broker: librdkafka's mock cluster, which speaks the real Kafka protocol on 127.0.0.1. It lives as long as
/// this object. Only hosting code creates one; every other client just gets <see cref="BootstrapServers"/>.
/// </summary>
public sealed class EmbeddedKafkaCluster : IDisposable
{
    private readonly IProducer<Null, Null> _host;

    private EmbeddedKafkaCluster(IProducer<Null, Null> host, string bootstrapServers)
    {
        _host = host;
        BootstrapServers = bootstrapServers;
    }

    public string BootstrapServers { get; }

    /// <param name="brokers">Number of mock brokers. Topics are auto-created on first produce, with 4 partitions.</param>
    public static EmbeddedKafkaCluster Start(int brokers = 1)
    {
        var config = new ProducerConfig();
        config.Set("test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var host = new ProducerBuilder<Null, Null>(config)
            .SetLogHandler((_, _) => { }) // the mock announces itself at level 5; nothing in it is actionable
            .Build();
        try
        {
            using var admin = new DependentAdminClientBuilder(host.Handle).Build();
            var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
            var servers = string.Join(",", metadata.Brokers.Select(b => $"{b.Host}:{b.Port}"));
            if (servers.Length == 0) throw new InvalidOperationException("The embedded Kafka cluster reported no brokers.");
            return new EmbeddedKafkaCluster(host, servers);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public void Dispose() => _host.Dispose();
}
