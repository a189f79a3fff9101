using SociaalDomein.Fault.Tests.Infrastructure;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.Kafka;
using Xunit.Abstractions;

namespace SociaalDomein.Fault.Tests;

/// <summary>
/// When the store stalls, the worker stops fetching: Kafka keeps the backlog, not the worker's memory. Once the store
/// answers again, the backlog is processed exactly.
/// </summary>
[Trait("Category", "Fault")]
[Collection(FaultCollection.Name)]
public sealed class BackpressureTests(ITestOutputHelper output) : IDisposable
{
    private const int Backlog = 60;
    private const int RecordBytes = 2_500_000;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-fault-backpressure-");

    [Fact]
    public async Task While_PostgreSQL_is_frozen_a_150_MB_backlog_stays_in_Kafka_not_in_the_worker_and_is_processed_exactly_afterwards()
    {
        await using var cluster = await FaultCluster.StartAsync("backpressure");
        await using var silo = await PipelineSession.StartAsync(cluster.As("silo"), FaultCluster.Quiet);
        var worker = cluster.Start("worker", cluster.As("worker,alerts"));
        var warmUp = Enumerable.Range(1, 5).Select(i => Write($"W-{i}", Declarations.Jw323($"W-{i}", i))).ToList();
        await cluster.PublishAsync(warmUp);
        await cluster.WaitUntilDoneAsync(warmUp.Count, TimeSpan.FromMinutes(2), worker);
        var padding = new string('x', RecordBytes);
        var backlog = Enumerable.Range(1, Backlog).Select(i => Write($"B-{i}", Declarations.Jw323($"B-{i}", 10 + i % 7, padding))).ToList();
        var backlogBytes = backlog.Sum(f => new FileInfo(f).Length);
        var baseline = worker.PrivateResidentBytes();

        long peak;
        using (var frozen = FrozenPostgres.Freeze(cluster.Infrastructure.Postgres.DataDirectory))
        {
            await cluster.PublishAsync(backlog);
            peak = baseline;
            // Long enough for librdkafka to fetch all it would, short of Npgsql's 30 s command timeout.
            for (var sample = 0; sample < 40; sample++)
            {
                peak = Math.Max(peak, worker.PrivateResidentBytes());
                await Task.Delay(200);
            }
            worker.ThrowIfExited();
            frozen.Thaw();
            output.WriteLine($"PostgreSQL frozen ({frozen.Processes} processes): {backlogBytes / 1_000_000} MB waiting in Kafka; worker private memory " +
                             $"{baseline / 1_000_000} MB before, at most {peak / 1_000_000} MB while frozen (+{(peak - baseline) / 1_000_000} MB)");
        }

        // One queue's worth fetched ahead, overshot by one fetch, plus room for the runtime's own growth: not the backlog.
        var bound = KafkaClientConfigs.MaxRecordBytes + new KafkaOptions().MaxPrefetchKbytes * 1024L + 48_000_000;
        Assert.True(bound < backlogBytes);
        Assert.True(peak - baseline < bound, $"the worker grew by {peak - baseline} bytes while the store was frozen (bound {bound})");

        await cluster.WaitUntilDoneAsync(warmUp.Count + Backlog, TimeSpan.FromMinutes(2), worker);
        var report = await silo.BuildReportAsync();
        Assert.Equal((warmUp.Count + (long)Backlog, 0L), (report.Messages.Accepted, report.Messages.DeadLettered));
        var expected = Enumerable.Range(1, 5).Sum(i => Declarations.AmountCents(i)) + Enumerable.Range(1, Backlog).Sum(i => Declarations.AmountCents(10 + i % 7));
        Assert.Equal(expected, Assert.Single(report.Totals).DeclaredCents);
        Assert.True(Assert.Single(report.Totals).Reconciled);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_work.FullName, name + ".xml");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => _work.Delete(recursive: true);
}
