using Npgsql;
using Orleans.TestingHost;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Rules.AllocationChecks;
using SociaalDomein.Storage.Signals;
using static SociaalDomein.Monitoring.Tests.Lines;

namespace SociaalDomein.Monitoring.Tests;

/// <summary>Declaration lines are checked against the contract's allocations; findings are signals, never lost money.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AllocationSignalTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly ContractKey Contract = new("0268", "12345678");
    private TestCluster _cluster = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await postgres.NewMigratedDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _cluster = await TestClusters.StartAsync(connectionString);
    }

    private IContractGrain Grain => _cluster.GrainFactory.GetGrain<IContractGrain>(Contract.ToString());

    private static AllocationVersion Allocation(long nummer, string category = "45", DateOnly? from = null, DateOnly? until = null,
        bool deleted = false, TimeOnly? at = null) =>
        new(Standard.IJw, "0268", "12345678", nummer, new string('a', 64), category, category + "A03", new DateOnly(2026, 1, 2),
            at ?? new TimeOnly(9, 0), from ?? new DateOnly(2026, 1, 1), until, deleted, 4, "04", "2", null, "ijw:301:0268:T1");

    private async Task<IReadOnlyList<(string Referentie, string Rule)>> OpenSignalsAsync() =>
        (await new PostgresSignalStore(_dataSource).CountOpenAsync()).Count == 0
            ? []
            : await ReadOpenAsync();

    private Task<IReadOnlyList<(string Referentie, string Rule)>> ReadOpenAsync() => OpenSignals.ReadAsync(_dataSource);

    [Fact]
    public async Task A_line_without_allocation_is_signalled_9338_and_resolved_when_the_allocation_arrives_later()
    {
        await Grain.ApplyDeclarationLinesAsync([Line("R1", 50_000) with { ToewijzingNummer = 1001 }]);
        Assert.Equal([("R1", RuleCodes.NoAllocation)], await OpenSignalsAsync());

        var changed = await Grain.ApplyAllocationVersionsAsync([Allocation(1001)]);

        Assert.Equal(1, changed);
        Assert.Empty(await OpenSignalsAsync());
        Assert.Equal(50_000, (await Grain.GetSummaryAsync()).Years.Single(y => y.ProductCategorie is null).DeclaredCents);
    }

    [Fact]
    public async Task A_line_outside_the_allocation_period_or_for_another_product_is_signalled_but_still_counted()
    {
        await Grain.ApplyAllocationVersionsAsync([Allocation(1001, until: new DateOnly(2026, 4, 30)), Allocation(1002, category: "41")]);

        await Grain.ApplyDeclarationLinesAsync([
            Line("R1", 10_000) with { ToewijzingNummer = 1001 },   // May: after the allocation ended
            Line("R2", 20_000) with { ToewijzingNummer = 1002 },   // category 45 against a category-41 allocation
            Line("R3", 30_000) with { ToewijzingNummer = 1001, PeriodBegin = new DateOnly(2026, 4, 1), PeriodEnd = new DateOnly(2026, 4, 30) },
        ]);

        Assert.Equal([("R1", RuleCodes.EndsAfterAllocation), ("R2", RuleCodes.CategoryMismatch), ("R2", RuleCodes.CodeMismatch)], await OpenSignalsAsync());
        Assert.Equal(60_000, (await Grain.GetSummaryAsync()).Years.Single(y => y.ProductCategorie is null).DeclaredCents);
    }

    [Fact]
    public async Task A_later_version_that_deletes_the_allocation_turns_its_lines_signals_into_deleted_and_an_older_resend_changes_nothing()
    {
        await Grain.ApplyAllocationVersionsAsync([Allocation(1001)]);
        await Grain.ApplyDeclarationLinesAsync([Line("R1", 10_000) with { ToewijzingNummer = 1001 }]);
        Assert.Empty(await OpenSignalsAsync());

        await Grain.ApplyAllocationVersionsAsync([Allocation(1001, deleted: true, at: new TimeOnly(10, 0))]);
        var resent = await Grain.ApplyAllocationVersionsAsync([Allocation(1001)]);

        Assert.Equal(0, resent);
        Assert.Equal([("R1", RuleCodes.AllocationDeleted)], await OpenSignalsAsync());
    }

    [Fact]
    public async Task Hours_beyond_the_weekly_allocation_are_over_declaration_9321_until_a_credit_brings_them_back()
    {
        // 4 hours a week; May 2026 touches 5 calendar weeks (ISO weeks 18–22), so 20 hours are allowed.
        await Grain.ApplyAllocationVersionsAsync([Allocation(1001)]);
        var may = Line("R1", 95_000) with { ToewijzingNummer = 1001, GeleverdVolume = 20, TariffCents = 4_750 };
        await Grain.ApplyDeclarationLinesAsync([may]);
        Assert.Empty(await OpenSignalsAsync());

        await Grain.ApplyDeclarationLinesAsync([Line("R2", 4_750) with { ToewijzingNummer = 1001, GeleverdVolume = 1, TariffCents = 4_750 }]);
        Assert.Equal([("R2", RuleCodes.VolumeAbovePeriodAllocation)], await OpenSignalsAsync());
    }

    [Fact]
    public async Task Allocations_survive_a_silo_restart()
    {
        await Grain.ApplyAllocationVersionsAsync([Allocation(1001)]);
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _cluster = await TestClusters.StartAsync(_dataSource.ConnectionString);

        await Grain.ApplyDeclarationLinesAsync([Line("R1", 10_000) with { ToewijzingNummer = 1001 }]);

        Assert.Empty(await OpenSignalsAsync());
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
