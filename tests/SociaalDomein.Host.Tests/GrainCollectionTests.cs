using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Host.Tests;

/// <summary>
/// Idle grains are deactivated (issue 7 §5): a silo's memory follows the contracts that are busy now, not every contract
/// it ever saw, and a deactivated contract comes back from PostgreSQL with its exact totals.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class GrainCollectionTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-host-collection-");

    [Fact]
    public async Task A_contract_grain_idle_longer_than_Orleans_GrainCollectionAge_is_deactivated_and_reactivates_with_exact_totals()
    {
        var month = new DateOnly(2026, 5, 1);
        // 10 × €100 + 3 × €25 = €1 075.
        var file = Jw.WriteFile(_work, "1.xml", Jw.Declaratie323("D-1", new DateOnly(2026, 6, 3), month,
            Jw.Debit("R1", month, 10, 10_000), Jw.Debit("R2", month, 3, 2_500)));
        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("collection");
        // The default is 15 minutes; 3 s lets the silo's collector (every 1.5 s then) find the idle contract within seconds.
        var settings = new Dictionary<string, string?>(infrastructure.Settings) { ["Orleans:GrainCollectionAge"] = "00:00:03" };
        await using var session = await PipelineSession.StartAsync(settings, l => l.SetMinimumLevel(LogLevel.Warning));
        await session.WaitUntilProcessedAsync(await session.PublishAsync([file]), TimeSpan.FromMinutes(1));

        var grains = session.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var contract = new ContractKey(Jw.Nijmegen, Jw.ZorgA);
        var before = await grains.GetGrain<IContractGrain>(contract.ToString()).GetSummaryAsync();
        Assert.Equal(107_500, before.Years.Single(y => y.Year == 2026 && y.ProductCategorie is null).DeclaredCents);
        Assert.True(await IsActiveAsync(management, contract), "the contract grain is active right after it was called");

        // Nothing calls the contract any more: the collector deactivates it (a minute is twenty times the age: ample).
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (await IsActiveAsync(management, contract))
        {
            Assert.True(DateTime.UtcNow < deadline, "the idle contract grain was still active a minute after its last call (collection age 3 s)");
            await Task.Delay(250);
        }

        var after = await grains.GetGrain<IContractGrain>(contract.ToString()).GetSummaryAsync();
        Assert.True(await IsActiveAsync(management, contract), "the next call activates the contract again");
        Assert.Equal(107_500, after.Years.Single(y => y.Year == 2026 && y.ProductCategorie is null).DeclaredCents);
        Assert.Equal(before.LedgerSequence, after.LedgerSequence);
        Assert.Equal(before.Years, after.Years);
    }

    /// <summary>Whether a silo of the cluster holds an activation of the contract's grain (asked of every silo).</summary>
    private static async Task<bool> IsActiveAsync(IManagementGrain management, ContractKey contract) =>
        (await management.GetDetailedGrainStatistics())
        .Any(s => s.GrainId.Key.ToString() == contract.ToString() && s.GrainType.Contains(nameof(ContractGrain), StringComparison.Ordinal));

    public void Dispose() => _work.Delete(recursive: true);
}
