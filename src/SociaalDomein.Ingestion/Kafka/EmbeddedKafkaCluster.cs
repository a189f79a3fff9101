using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace SociaalDomein.Ingestion.Kafka;

/// <summary>
/// The embedded broker: librdkafka's mock cluster, which speaks the real Kafka protocol on 127.0.0.1. It lives as long as
/// this object. Only hosting code creates one; every other client just gets <see cref="BootstrapServers"/>.
/// </summary>
public sealed class EmbeddedKafkaCluster : IDisposable
{
    /// <summary>Partitions of a topic the mock cluster creates by itself on first use (librdkafka's fixed mock default).</summary>
    public const int AutoCreatedPartitions = 4;

    private readonly IProducer<Null, Null> _host;

    private EmbeddedKafkaCluster(IProducer<Null, Null> host, string bootstrapServers)
    {
        _host = host;
        BootstrapServers = bootstrapServers;
    }

    public string BootstrapServers { get; }

    /// <param name="brokers">Number of mock brokers. Topics are auto-created on first produce, with <see cref="AutoCreatedPartitions"/> partitions.</param>
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

    /// <summary>
    /// Starts a cluster and creates <paramref name="topics"/> with <paramref name="partitions"/> partitions each, before any
    /// client can auto-create them with the mock's default. More partitions than consumers is what lets a consumer group
    /// spread over several workers (and move partitions when one of them stops).
    /// </summary>
    public static async Task<EmbeddedKafkaCluster> StartAsync(int partitions, IEnumerable<string> topics, int brokers = 1)
    {
        var cluster = Start(brokers);
        try
        {
            await cluster.CreateTopicsAsync(topics, partitions);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Creates the topics with the given partition count. The mock cluster has no CreateTopics handler (an admin request
    /// waits for a controller that never answers), so this uses librdkafka's own mock API on the hosting client's
    /// handle, which is what librdkafka's tests do. A topic that exists already is left as it is.
    /// </summary>
    public Task CreateTopicsAsync(IEnumerable<string> topics, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var mock = MockClusterPointer();
        foreach (var topic in topics.Distinct(StringComparer.Ordinal))
        {
            var error = (ErrorCode)NativeMock.rd_kafka_mock_topic_create(mock, topic, partitions, 1);
            if (error is not (ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
                throw new KafkaException(new Error(error, $"Creating topic '{topic}' with {partitions} partitions on the embedded cluster failed: {error}"));
        }
        return Task.CompletedTask;
    }

    /// <summary>The native mock cluster behind the hosting client (librdkafka's rd_kafka_handle_mock_cluster).</summary>
    private IntPtr MockClusterPointer()
    {
        // Confluent.Kafka keeps the native rd_kafka_t in Handle.LibrdkafkaHandle (internal); this project pins the version.
        var property = typeof(Handle).GetProperty("LibrdkafkaHandle", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
                       ?? throw new NotSupportedException("This Confluent.Kafka version does not expose the native handle needed to create mock topics.");
        var handle = (System.Runtime.InteropServices.SafeHandle)property.GetValue(_host.Handle)!;
        var mock = NativeMock.rd_kafka_handle_mock_cluster(handle.DangerousGetHandle());
        return mock != IntPtr.Zero ? mock : throw new InvalidOperationException("The hosting client has no mock cluster.");
    }

    /// <summary>The number of partitions the cluster reports for <paramref name="topic"/>; 0 when it does not exist.</summary>
    public int PartitionCount(string topic)
    {
        using var admin = new DependentAdminClientBuilder(_host.Handle).Build();
        // All topics, not GetMetadata(topic): asking a producer-hosted cluster about one topic would auto-create it.
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        var found = metadata.Topics.FirstOrDefault(t => t.Topic == topic);
        return found is null || found.Error.Code != ErrorCode.NoError ? 0 : found.Partitions.Count;
    }

    public void Dispose() => _host.Dispose();

    /// <summary>
    /// The two functions of librdkafka's mock API that topic creation needs, taken from the very library Confluent.Kafka
    /// has loaded (it picks one of several builds at run time, so a plain DllImport could find another one or none).
    /// </summary>
    private static class NativeMock
    {
        [System.Runtime.InteropServices.UnmanagedFunctionPointer(System.Runtime.InteropServices.CallingConvention.Cdecl)]
        private delegate IntPtr HandleMockCluster(IntPtr rk);

        [System.Runtime.InteropServices.UnmanagedFunctionPointer(System.Runtime.InteropServices.CallingConvention.Cdecl)]
        private delegate int MockTopicCreate(IntPtr mcluster,
            [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string topic,
            int partitionCount, int replicationFactor);

        private static readonly Lazy<IntPtr> Library = new(LoadedLibrary);

        internal static IntPtr rd_kafka_handle_mock_cluster(IntPtr rk) => Function<HandleMockCluster>("rd_kafka_handle_mock_cluster")(rk);

        internal static int rd_kafka_mock_topic_create(IntPtr mcluster, string topic, int partitionCount, int replicationFactor) =>
            Function<MockTopicCreate>("rd_kafka_mock_topic_create")(mcluster, topic, partitionCount, replicationFactor);

        private static T Function<T>(string name) where T : Delegate =>
            System.Runtime.InteropServices.Marshal.GetDelegateForFunctionPointer<T>(System.Runtime.InteropServices.NativeLibrary.GetExport(Library.Value, name));

        /// <summary>The librdkafka file mapped into this process (Linux: /proc/self/maps); elsewhere the default name.</summary>
        private static IntPtr LoadedLibrary()
        {
            const string maps = "/proc/self/maps";
            if (File.Exists(maps))
            {
                var path = File.ReadLines(maps).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Where(fields => fields.Length >= 6).Select(fields => fields[^1])
                    .FirstOrDefault(file => Path.GetFileName(file).Contains("librdkafka", StringComparison.Ordinal));
                if (path is not null) return System.Runtime.InteropServices.NativeLibrary.Load(path);
            }
            return System.Runtime.InteropServices.NativeLibrary.Load("librdkafka", typeof(Handle).Assembly, null);
        }
    }
}
