using SociaalDomein.Fault.Tests.Infrastructure;
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
    public async Task Messages_resent_with_the_same_BerichtIdentificatie_change_no_figure()
    {
        await using var cluster = await FaultCluster.StartAsync("duplicates");
        await cluster.StoreCeilingsAsync(Stream.Ceilings);
        var settings = cluster.As("all");
        settings["Orleans:Membership"] = "localhost";
        // Every tenth accepted message is sent again: same bytes, same identity, at a new offset; half of them right after
        // the original, the other half at the end of the stream.
        var resent = Stream.Files.Where(IsReadable).Where((_, i) => i % 10 == 0).ToList();
        var input = new List<string>();
        foreach (var file in Stream.Files)
        {
            input.Add(file);
            if (resent.IndexOf(file) is var at and >= 0 && at % 2 == 0) input.Add(file);
        }
        input.AddRange(resent.Where((_, i) => i % 2 == 1));
        await using var session = await PipelineSession.StartAsync(settings, FaultCluster.Quiet);
        var published = await cluster.PublishAsync(input);
        await session.WaitUntilProcessedAsync(published, Patience);

        output.WriteLine($"{resent.Count} of {Stream.Files.Count} messages sent twice ({published.Count} records)");
        await AssertUndisturbedResultAsync(session);
        Assert.Equal(published.Count, await cluster.LoggedAsync()); // every source position logged once, the copies too
        // The copies are logged as records of known messages: ours plus the ones the generated stream re-sends itself.
        Assert.Equal(resent.Count + Stream.Scenario.Messages.Count(m => m.IsResend),
            await cluster.ScalarAsync("SELECT count(*) - count(DISTINCT message_id) FROM message_log WHERE status = 'accepted'"));
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
        await silo.EvaluateContractsAsync();
        await cluster.WaitUntilDoneAsync(Stream.Files.Count, Patience, second);
        var report = await silo.BuildReportAsync();
        Assert.Equal(FinalState.Of(undisturbed.Expected), FinalState.Of(report));
        Assert.All(report.Totals, t => Assert.True(t.Reconciled));
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
