using SociaalDomein.Fault.Tests.Infrastructure;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.Kafka;
using Xunit.Abstractions;

namespace SociaalDomein.Fault.Tests;

/// <summary>
/// A process or a connection dies in the middle of the stream (SIGKILL: no shutdown code runs), comes back, and the end
/// result is exactly that of the undisturbed run: the same contract totals, daily rows, signals, alert ids, message counts.
/// </summary>
[Trait("Category", "Fault")]
[Collection(FaultCollection.Name)]
public sealed class CrashConsistencyTests(UndisturbedRun undisturbed, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private FaultStream Stream => undisturbed.Stream;

    [Fact]
    public async Task A_worker_process_killed_mid_stream_and_restarted_ends_with_exactly_the_undisturbed_result()
    {
        await using var cluster = await FaultCluster.StartAsync("kill_worker");
        await cluster.StoreCeilingsAsync(Stream.Ceilings);
        await using var silo = await PipelineSession.StartAsync(cluster.As("silo"), FaultCluster.Quiet);
        await cluster.PublishAsync(Stream.Files);

        var first = cluster.Start("worker 1", cluster.As("worker,alerts"));
        await cluster.WaitUntilAsync(async () => await cluster.LoggedAsync() >= Stream.Files.Count / 3, Patience, "a third of the stream processed", first);
        first.Kill();
        var killedAt = await cluster.LoggedAsync();
        output.WriteLine($"worker SIGKILLed after {killedAt} of {Stream.Files.Count} records");
        Assert.InRange(killedAt, Stream.Files.Count / 3, Stream.Files.Count - 1);

        var second = cluster.Start("worker 2", cluster.As("worker,alerts"));
        await cluster.WaitUntilDoneAsync(Stream.Files.Count, Patience, second);

        await AssertUndisturbedResultAsync(cluster, silo);
    }

    [Fact]
    public async Task A_silo_process_killed_mid_stream_and_restarted_ends_with_exactly_the_undisturbed_result()
    {
        await using var cluster = await FaultCluster.StartAsync("kill_silo");
        await cluster.StoreCeilingsAsync(Stream.Ceilings);
        // Two silos share the grains; the worker runs beside the one that survives and calls grains on both.
        await using var host = await PipelineSession.StartAsync(cluster.As("silo,worker,alerts"), FaultCluster.Quiet);
        var doomed = cluster.Start("silo 2", cluster.As("silo"));
        await cluster.WaitUntilAsync(async () => await cluster.ScalarAsync("SELECT count(*) FROM orleans_membership WHERE status = 'Active'") == 2,
            Patience, "two active silos", doomed);
        await cluster.PublishAsync(Stream.Files);

        await cluster.WaitUntilAsync(async () => await cluster.LoggedAsync() >= Stream.Files.Count / 3, Patience, "a third of the stream processed", doomed);
        doomed.Kill();
        var killedAt = await cluster.LoggedAsync();
        output.WriteLine($"silo SIGKILLed after {killedAt} of {Stream.Files.Count} records");
        Assert.InRange(killedAt, Stream.Files.Count / 3, Stream.Files.Count - 1);

        var restarted = cluster.Start("silo 3", cluster.As("silo"));
        await cluster.WaitUntilDoneAsync(Stream.Files.Count, Patience, restarted);

        await AssertUndisturbedResultAsync(cluster, host);
    }

    [Fact]
    public async Task A_PostgreSQL_restart_mid_stream_ends_with_exactly_the_undisturbed_result()
    {
        await using var cluster = await FaultCluster.StartAsync("restart_postgres");
        await cluster.StoreCeilingsAsync(Stream.Ceilings);
        // One process on its own (no membership table): the database going away is the only fault here.
        var settings = cluster.As("all");
        settings["Orleans:Membership"] = "localhost";
        await using var host = await PipelineSession.StartAsync(settings, FaultCluster.Quiet);
        await cluster.PublishAsync(Stream.Files);

        await cluster.WaitUntilAsync(async () => await cluster.LoggedAsync() >= Stream.Files.Count / 3, Patience, "a third of the stream processed");
        await cluster.Infrastructure.Postgres.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(3)); // the worker meets a dead database and retries
        await cluster.Infrastructure.Postgres.RestartAsync();
        cluster.Database.Clear(); // the probe's own pooled connections died with the server
        var restartedAt = await cluster.LoggedAsync();
        output.WriteLine($"PostgreSQL stopped for 3 s and restarted with {restartedAt} of {Stream.Files.Count} records logged");
        Assert.InRange(restartedAt, Stream.Files.Count / 3, Stream.Files.Count - 1);

        await cluster.WaitUntilDoneAsync(Stream.Files.Count, Patience);

        await AssertUndisturbedResultAsync(cluster, host);
    }

    [Fact]
    public async Task A_cut_Kafka_connection_restored_mid_stream_ends_with_exactly_the_undisturbed_result()
    {
        await using var cluster = await FaultCluster.StartAsync("cut_kafka");
        await cluster.StoreCeilingsAsync(Stream.Ceilings);
        await using var proxy = new KafkaProxy(cluster.Infrastructure.Kafka.BootstrapServers);
        var settings = cluster.As("all");
        settings["Orleans:Membership"] = "localhost";
        settings["Kafka:BootstrapServers"] = proxy.BootstrapServers;
        await using var host = await PipelineSession.StartAsync(settings, FaultCluster.Quiet);
        await cluster.PublishAsync(Stream.Files);

        await cluster.WaitUntilAsync(async () => await cluster.LoggedAsync() >= Stream.Files.Count / 3, Patience, "a third of the stream processed");
        proxy.Cut();
        var cutAt = await cluster.LoggedAsync();
        // Longer than the session timeout (3 s): the group coordinator drops the worker, which must rejoin afterwards.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var duringCut = await cluster.LoggedAsync();
        proxy.Restore();
        output.WriteLine($"Kafka cut after {cutAt} of {Stream.Files.Count} records for 5 s ({duringCut - cutAt} finished from the fetch queue meanwhile); " +
                         $"{proxy.DroppedConnections} connections dropped or refused, {proxy.RewrittenAddresses} broker addresses rewritten");
        Assert.True(proxy.RewrittenAddresses > 0, "clients never learnt the proxy's address: the cut would not have cut them");
        Assert.True(proxy.DroppedConnections > 0);
        Assert.InRange(cutAt, Stream.Files.Count / 3, Stream.Files.Count - 1);

        await cluster.WaitUntilDoneAsync(Stream.Files.Count, Patience);

        await AssertUndisturbedResultAsync(cluster, host);
    }

    private async Task AssertUndisturbedResultAsync(FaultCluster cluster, PipelineSession session)
    {
        var expected = undisturbed.Expected;
        // As the undisturbed run's host did once everything was in: judge the day (lead times), then let the outbox drain.
        await session.EvaluateContractsAsync();
        await cluster.WaitUntilDoneAsync(Stream.Files.Count, Patience);
        var report = await session.BuildReportAsync();
        Assert.Equal(expected.ToJson(), report.ToJson());
        Assert.All(report.Totals, t => Assert.True(t.Reconciled, $"{t.Municipality}:{t.Provider} grain {t.DeclaredCents} ≠ ledger {t.LedgerCents}"));
        Assert.Equal(Stream.Files.Count, await cluster.LoggedAsync());
        // The alert topic is an outbox relay: at least once, with the alert id as key, so a consumer keeps one per id.
        var alerts = TopicKeys.ReadAll(cluster.Infrastructure.Kafka.BootstrapServers, Topics.Alerts);
        Assert.Equal(expected.Alerts.Select(a => a.Id).Order(), alerts.Select(a => a.Message.Key).Distinct().Order());
        output.WriteLine($"{report.Totals.Count} contract totals, {report.Daily.Count} daily rows, {report.Alerts.Count} alerts " +
                         $"({alerts.Count} records on {Topics.Alerts}) equal to the undisturbed run");
    }
}
