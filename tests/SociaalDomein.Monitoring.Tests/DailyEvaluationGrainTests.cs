using Orleans.TestingHost;
using SociaalDomein.Monitoring.Evaluation;

namespace SociaalDomein.Monitoring.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DailyEvaluationGrainTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(await postgres.NewMigratedDatabaseAsync());

    private IDailyEvaluationGrain Coordinator => _cluster.GrainFactory.GetGrain<IDailyEvaluationGrain>(IDailyEvaluationGrain.Key);

    [Fact]
    public async Task One_silo_evaluates_a_day_and_the_others_are_told_it_is_in_progress_then_done()
    {
        Assert.Equal(DayClaim.Claimed, await Coordinator.TryClaimAsync(Monday, "silo-a", TimeSpan.FromMinutes(15)));
        Assert.Equal(DayClaim.InProgressElsewhere, await Coordinator.TryClaimAsync(Monday, "silo-b", TimeSpan.FromMinutes(15)));

        await Coordinator.CompleteAsync(Monday, "silo-a");

        Assert.Equal(DayClaim.Done, await Coordinator.TryClaimAsync(Monday, "silo-b", TimeSpan.FromMinutes(15)));
        Assert.Equal(DayClaim.Done, await Coordinator.TryClaimAsync(Monday.AddDays(-1), "silo-b", TimeSpan.FromMinutes(15)));
        Assert.Equal(DayClaim.Claimed, await Coordinator.TryClaimAsync(Monday.AddDays(1), "silo-b", TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public async Task A_claim_whose_silo_died_runs_out_and_another_silo_takes_the_day_over()
    {
        Assert.Equal(DayClaim.Claimed, await Coordinator.TryClaimAsync(Monday, "silo-a", TimeSpan.FromMilliseconds(200)));
        Assert.Equal(DayClaim.InProgressElsewhere, await Coordinator.TryClaimAsync(Monday, "silo-b", TimeSpan.FromMinutes(15)));

        await Task.Delay(TimeSpan.FromMilliseconds(400)); // silo-a never completes

        Assert.Equal(DayClaim.Claimed, await Coordinator.TryClaimAsync(Monday, "silo-b", TimeSpan.FromMinutes(15)));
        Assert.Equal(DayClaim.InProgressElsewhere, await Coordinator.TryClaimAsync(Monday, "silo-a", TimeSpan.FromMinutes(15)));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
