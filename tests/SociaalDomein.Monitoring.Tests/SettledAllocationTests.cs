using Npgsql;
using Orleans.TestingHost;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Monitoring.Rules.AllocationChecks;
using static SociaalDomein.Monitoring.Tests.Lines;

namespace SociaalDomein.Monitoring.Tests;

/// <summary>
/// A contract grain forgets the allocations of settled years (its state would otherwise grow with every year the contract
/// runs) and reads them back when a late message concerns one: the findings are the same as if it had never forgotten.
/// Today is 1 March 2028 here, so 2026 is settled and 2027 is open.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SettledAllocationTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly ContractKey Contract = new("0268", "12345678");
    private static readonly DateOnly Today = new(2028, 3, 1);
    private TestCluster _cluster = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await postgres.NewMigratedDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _cluster = await TestClusters.StartAsync(connectionString, Today);
    }

    private IContractGrain Grain => _cluster.GrainFactory.GetGrain<IContractGrain>(Contract.ToString());

    /// <summary>4 hours a week, January–June 2026 (May touches 5 ISO weeks: 20 hours allowed).</summary>
    private static AllocationVersion Allocation(long nummer, DateOnly? until = null, bool deleted = false, TimeOnly? at = null) =>
        new(Standard.IJw, "0268", "12345678", nummer, new string('a', 64), "45", "45A03", new DateOnly(2026, 1, 2),
            at ?? new TimeOnly(9, 0), new DateOnly(2026, 1, 1), until ?? new DateOnly(2026, 6, 30), deleted, 4, "04", "2", null, "ijw:301:0268:T1");

    private static DeclarationLine Hours(string referentie, long hours, int year = 2026) =>
        Line(referentie, hours * 4_750, year: year) with { ToewijzingNummer = 1001, GeleverdVolume = hours, TariffCents = 4_750 };

    /// <summary>Declares May 2026 in full, then lets the daily evaluation forget the settled allocation.</summary>
    private async Task DeclareAndSettleAsync()
    {
        await Grain.ApplyAllocationVersionsAsync([Allocation(1001)]);
        await Grain.ApplyDeclarationLinesAsync([Hours("R1", 20)]);
        Assert.Equal(1, (await Grain.GetSummaryAsync()).AllocationsHeld);

        await Grain.EvaluateAsync();

        Assert.Equal(0, (await Grain.GetSummaryAsync()).AllocationsHeld);
    }

    private Task<IReadOnlyList<(string Referentie, string Rule)>> OpenSignalsAsync() => OpenSignals.ReadAsync(_dataSource);

    [Fact]
    public async Task A_late_line_for_a_forgotten_allocation_is_checked_against_what_was_declared_before_it()
    {
        await DeclareAndSettleAsync();

        // One hour more in May 2026: over the 20 allowed only counting the 20 declared before it was forgotten.
        await Grain.ApplyDeclarationLinesAsync([Hours("R2", 1)]);

        Assert.Equal([("R2", RuleCodes.VolumeAbovePeriodAllocation)], await OpenSignalsAsync());
        var summary = await Grain.GetSummaryAsync();
        Assert.Equal(1, summary.AllocationsHeld);
        Assert.Equal(21 * 4_750, summary.Years.Single(y => y.Year == 2026 && y.ProductCategorie is null).DeclaredCents);
    }

    [Fact]
    public async Task A_line_of_an_open_year_naming_a_forgotten_allocation_is_judged_against_that_allocation_not_as_without_one()
    {
        await DeclareAndSettleAsync();

        await Grain.ApplyDeclarationLinesAsync([Hours("R2", 1, year: 2027)]);

        Assert.Equal([("R2", RuleCodes.EndsAfterAllocation)], await OpenSignalsAsync());
    }

    [Fact]
    public async Task A_new_version_of_a_forgotten_allocation_judges_its_lines_again()
    {
        await DeclareAndSettleAsync();

        var changed = await Grain.ApplyAllocationVersionsAsync([Allocation(1001, deleted: true, at: new TimeOnly(10, 0))]);

        Assert.Equal(1, changed);
        Assert.Equal([("R1", RuleCodes.AllocationDeleted)], await OpenSignalsAsync());
    }

    [Fact]
    public async Task A_grain_activated_after_the_year_settled_holds_none_of_its_allocations_and_a_new_allocation_number_needs_no_read_back()
    {
        await DeclareAndSettleAsync();
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _cluster = await TestClusters.StartAsync(_dataSource.ConnectionString, Today);

        Assert.Equal(0, (await Grain.GetSummaryAsync()).AllocationsHeld);
        await Grain.ApplyAllocationVersionsAsync([Allocation(2001) with { Ingangsdatum = new DateOnly(2028, 1, 1), Einddatum = null }]);

        Assert.Equal(1, (await Grain.GetSummaryAsync()).AllocationsHeld);
        Assert.Empty(await OpenSignalsAsync());
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
