using Confluent.Kafka;
using SociaalDomein.Fault.Tests.Infrastructure;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Messages.Reading;
using Xunit.Abstractions;

namespace SociaalDomein.Fault.Tests;

/// <summary>
/// At least once in, exactly once in effect: a record consumed again, a message re-sent under the same
/// BerichtIdentificatie, and partitions moving between workers count nothing twice.
/// </summary>
[Trait("Category", "Fault")]
[Collection(FaultCollection.Name)]
public sealed class DuplicateDeliveryTests(UndisturbedRun undisturbed, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private FaultStream Stream => undisturbed.Stream;

    [Fact]
    public async Task Records_delivered_twice_and_messages_resent_with_the_same_BerichtIdentificatie_change_no_figure()
    {
        await using var cluster = await FaultCluster.StartAsync("duplicates");
        await cluster.StoreCeilingsAsync(Stream.Ceilings);
        var settings = cluster.As("all");
        settings["Orleans:Membership"] = "localhost";
        // Every tenth accepted message is sent again at the end: same bytes, same identity, a new offset.
        var resent = Stream.Files.Where(IsReadable).Where((_, i) => i % 10 == 0).ToList();
        IReadOnlyList<TopicPartitionOffset> published;
        await using (var session = await PipelineSession.StartAsync(settings, FaultCluster.Quiet))
        {
            published = [.. await cluster.PublishAsync(Stream.Files), .. await cluster.PublishAsync(resent)];
            await session.WaitUntilProcessedAsync(published, Patience);
        }

        // The same records delivered a second time: the group's committed offsets go back to half of every partition,
        // as after a crash that lost the commits, and a new host consumes from there.
        var ends = published.GroupBy(p => p.TopicPartition).ToDictionary(g => g.Key, g => g.Max(p => p.Offset.Value) + 1);
        var rewound = ends.Select(e => new TopicPartitionOffset(e.Key, e.Value / 2)).ToList();
        using (var group = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
               {
                   BootstrapServers = cluster.Infrastructure.Kafka.BootstrapServers, GroupId = "sd-ingestion", EnableAutoCommit = false,
               }).Build())
        {
            // Commit as a member of the group (the broker refuses commits from outside a group's generation).
            group.Subscribe(Topics.Ijw);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (group.Assignment.Count < ends.Count && DateTime.UtcNow < deadline) group.Consume(TimeSpan.FromMilliseconds(100));
            Assert.Equal(ends.Count, group.Assignment.Count);
            group.Commit(rewound);
            group.Close();
        }
        var again = published.Where(p => p.Offset.Value >= rewound.Single(r => r.TopicPartition == p.TopicPartition).Offset.Value).ToList();
        await using (var session = await PipelineSession.StartAsync(settings, FaultCluster.Quiet))
        {
            await session.WaitUntilProcessedAsync(again, Patience);
            var progress = session.Services.GetService(typeof(Ingestion.Worker.IngestionProgress)) as Ingestion.Worker.IngestionProgress;
            Assert.Equal(again.Count, progress!.Accepted + progress.DeadLettered);
            output.WriteLine($"{resent.Count} messages re-sent; then {again.Count} of {published.Count} records delivered a second time");
            await AssertUndisturbedResultAsync(session);
        }
        Assert.Equal(published.Count, await cluster.LoggedAsync()); // every source position once, re-sent copies included
    }

    [Fact]
    public async Task A_second_worker_joining_mid_stream_and_the_first_leaving_double_count_nothing()
    {
        await using var cluster = await FaultCluster.StartAsync("rebalance");
        await cluster.StoreCeilingsAsync(Stream.Ceilings);
        await using var silo = await PipelineSession.StartAsync(cluster.As("silo"), FaultCluster.Quiet);
        await cluster.PublishAsync(Stream.Files);

        var first = cluster.Start("worker 1", cluster.As("worker,alerts"));
        await cluster.WaitUntilAsync(async () => await cluster.LoggedAsync() >= Stream.Files.Count / 4, Patience, "a quarter processed", first);
        var second = cluster.Start("worker 2", cluster.As("worker,alerts"));
        await cluster.WaitUntilAsync(() => Task.FromResult(second.Output.Contains("Assigned istd.ijw", StringComparison.Ordinal)), Patience,
            "partitions handed to the second worker", first, second);
        Assert.Contains("Revoked istd.ijw", first.Output, StringComparison.Ordinal); // the first gave them up while running
        await cluster.WaitUntilAsync(async () => await cluster.LoggedAsync() >= Stream.Files.Count * 2 / 3, Patience, "two thirds processed", first, second);
        var joinedAt = await cluster.LoggedAsync();
        await first.TerminateAsync(TimeSpan.FromSeconds(60)); // leaves the group; its partitions move to the second
        Assert.Contains("Left consumer group", first.Output, StringComparison.Ordinal);
        output.WriteLine($"second worker joined after {Stream.Files.Count / 4}+ records; first left after {joinedAt} of {Stream.Files.Count}");

        await cluster.WaitUntilDoneAsync(Stream.Files.Count, Patience, second);
        await AssertUndisturbedResultAsync(silo);
    }

    private async Task AssertUndisturbedResultAsync(PipelineSession session)
    {
        var report = await session.BuildReportAsync();
        Assert.Equal(undisturbed.Expected.ToJson(), report.ToJson());
        Assert.All(report.Totals, t => Assert.True(t.Reconciled));
    }

    private static bool IsReadable(string file)
    {
        try
        {
            MessageReader.Read(File.ReadAllBytes(file), file);
            return true;
        }
        catch (InvalidMessageException)
        {
            return false;
        }
    }
}
