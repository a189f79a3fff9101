using System.Globalization;
using System.Text.RegularExpressions;
using Confluent.Kafka;
using SociaalDomein.Fault.Tests.Infrastructure;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.Kafka;
using Xunit.Abstractions;

namespace SociaalDomein.Fault.Tests;

/// <summary>
/// When the store stalls, the worker stops fetching: Kafka keeps the backlog, not the worker. Once the store answers
/// again, the backlog is processed exactly.
/// </summary>
[Trait("Category", "Fault")]
[Collection(FaultCollection.Name)]
public sealed partial class BackpressureTests(ITestOutputHelper output)
{
    private const int Backlog = 32;
    private const int RecordBytes = 400_000;
    private const int PrefetchKbytes = 1_024;

    [Fact]
    public async Task While_PostgreSQL_is_frozen_the_worker_fetches_no_more_than_its_prefetch_bound_and_processes_the_backlog_exactly_afterwards()
    {
        await using var cluster = await FaultCluster.StartAsync("backpressure");
        await using var silo = await PipelineSession.StartAsync(cluster.As("silo"), FaultCluster.Quiet);
        var worker = cluster.Start("worker", new Dictionary<string, string?>(cluster.As("worker,alerts"))
        {
            ["Kafka:MaxPrefetchKbytes"] = PrefetchKbytes.ToString(CultureInfo.InvariantCulture),
            ["Kafka:StatisticsIntervalMs"] = "200",
            ["Logging:LogLevel:SociaalDomein.Ingestion.Worker"] = "Debug",
        });
        // Uncompressed, unlike the system's producers: the bound below is in the bytes a fetch carries, and a compressed
        // fetch of these padded records would unpack to many times its size (max.partition.fetch.bytes counts what is on
        // the wire). 32 × 0.4 MB over four partitions stays below what the embedded broker keeps per partition (5 MB).
        var producerConfig = KafkaClientConfigs.Producer(new KafkaOptions { BootstrapServers = cluster.Infrastructure.Kafka.BootstrapServers }, "backpressure-test");
        producerConfig.CompressionType = CompressionType.None;
        using var producer = new ProducerBuilder<string?, byte[]>(producerConfig).Build();
        var warmUp = 4;
        for (var i = 1; i <= warmUp; i++) await ProduceAsync(producer, i, Declarations.Jw323($"W{i}", i));
        await cluster.WaitUntilDoneAsync(warmUp, TimeSpan.FromMinutes(2), worker);
        var padding = new string('x', RecordBytes);
        var baseline = worker.PrivateResidentBytes();

        long backlogBytes = 0;
        long peakMemory;
        List<(long Records, long Bytes)> queue;
        using (var frozen = FrozenPostgres.Freeze(cluster.Infrastructure.Postgres.DataDirectory))
        {
            var linesBefore = worker.Output.Split('\n').Length;
            // One record at a time, as a live stream arrives: the consumer fetches as they come, until its bound.
            for (var i = 1; i <= Backlog; i++)
            {
                var record = Declarations.Jw323($"B{i}", 10 + i % 7, padding);
                backlogBytes += record.Length;
                await ProduceAsync(producer, i, record);
                await Task.Delay(50);
            }
            peakMemory = baseline;
            for (var sample = 0; sample < 15; sample++)
            {
                peakMemory = Math.Max(peakMemory, worker.PrivateResidentBytes());
                await Task.Delay(200);
            }
            worker.ThrowIfExited();
            frozen.Thaw();
            await cluster.WaitUntilDoneAsync(warmUp + Backlog, TimeSpan.FromMinutes(2), worker);
            // The worker serves librdkafka's statistics when it polls, so those taken while it waited on the frozen store
            // are logged once it polls again; each still describes the moment it was taken.
            queue = worker.Output.Split('\n').Skip(linesBefore).Select(l => FetchQueueLine().Match(l)).Where(m => m.Success)
                .Select(m => (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
                .ToList();
            output.WriteLine($"PostgreSQL frozen ({frozen.Processes} processes); {Backlog} records, {backlogBytes:N0} bytes published meanwhile. " +
                             $"Fetch queue at most {queue.DefaultIfEmpty().Max(q => q.Records)} records, {queue.DefaultIfEmpty().Max(q => q.Bytes):N0} bytes " +
                             $"({queue.Count} samples); worker private memory {baseline / 1_000_000} MB before, at most {peakMemory / 1_000_000} MB while frozen");
        }

        // librdkafka bounds each partition's queue (4 partitions here) by queued.max.messages.kbytes, overshot by at most
        // the partition fetch that crosses it (or one record, when a record is larger): far below the backlog.
        var bound = 4L * (PrefetchKbytes * 1024L + Math.Max(KafkaClientConfigs.PartitionFetchBytes, RecordBytes)) + RecordBytes;
        Assert.True(queue.Count >= 5, "the worker reported no fetch queue while the store was frozen");
        Assert.True(queue.Max(q => q.Records) > 0, "nothing was fetched ahead: the test did not exercise the bound");
        Assert.True(backlogBytes > bound, $"the backlog ({backlogBytes}) must exceed the bound ({bound}) for the test to mean anything");
        Assert.True(queue.Max(q => q.Bytes) <= bound, $"{queue.Max(q => q.Bytes)} bytes fetched ahead (bound {bound})");

        var report = await silo.BuildReportAsync();
        Assert.Equal((warmUp + (long)Backlog, 0L), (report.Messages.Accepted, report.Messages.DeadLettered));
        var expected = Enumerable.Range(1, warmUp).Sum(i => Declarations.AmountCents(i)) + Enumerable.Range(1, Backlog).Sum(i => Declarations.AmountCents(10 + i % 7));
        var total = Assert.Single(report.Totals);
        Assert.Equal((expected, true), (total.DeclaredCents, total.Reconciled));
    }

    /// <summary>Spread over the topic's four partitions, so no partition outgrows what the mock broker retains.</summary>
    private static Task ProduceAsync(IProducer<string?, byte[]> producer, int i, byte[] value) =>
        producer.ProduceAsync(new TopicPartition(Topics.Ijw, i % 4), new Message<string?, byte[]> { Key = $"{Declarations.Municipality}:{Declarations.Provider}", Value = value });

    [GeneratedRegex(@"Fetch queue: (\d+) records, (\d+) bytes")]
    private static partial Regex FetchQueueLine();
}
