using Npgsql;
using Orleans.TestingHost;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Storage.Alerts;
using SociaalDomein.Storage.Ceilings;
using SociaalDomein.Storage.Ledger;
using static SociaalDomein.Monitoring.Tests.Lines;

namespace SociaalDomein.Monitoring.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ContractGrainTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly ContractKey Contract = new("0268", "12345678");
    private string _connectionString = "";
    private TestCluster _cluster = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await postgres.NewMigratedDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        // Ceiling € 10 000 for 2026.
        await new PostgresCeilingStore(_dataSource).UpsertAsync(new BudgetCeiling(Contract, 2026, null, 1_000_000));
        _cluster = await TestClusters.StartAsync(_connectionString);
    }

    private IContractGrain Grain => _cluster.GrainFactory.GetGrain<IContractGrain>(Contract.ToString());

    private async Task<long> DeclaredAsync(int year = 2026) =>
        (await Grain.GetSummaryAsync()).Years.Single(y => y.Year == year && y.ProductCategorie is null).DeclaredCents;

    /// <summary>The open ceiling-threshold alerts: these tests are about thresholds (their lines have no allocation, and pacing and forecast run as well).</summary>
    private async Task<IReadOnlyList<string>> StoredAlertIdsAsync() =>
        (await new PostgresAlertStore(_dataSource).GetAllAsync()).Where(a => !a.IsResolved).Select(a => a.Id).Where(IsThreshold)
            .Order(StringComparer.Ordinal).ToList();

    private static bool IsThreshold(string alertId) => alertId.StartsWith("ceiling-threshold:", StringComparison.Ordinal);

    private static IReadOnlyList<string> Thresholds(ApplyResult result) => result.AlertsRaised.Where(IsThreshold).ToList();

    [Fact]
    public async Task Crossing_75_percent_raises_one_alert_and_further_declarations_under_90_only_update_its_figures()
    {
        var first = await Grain.ApplyDeclarationLinesAsync([Line("R1", 500_000), Line("R2", 260_000)]);
        var second = await Grain.ApplyDeclarationLinesAsync([Line("R3", 100_000)]);
        var third = await Grain.ApplyDeclarationLinesAsync([Line("R4", 9_999)]);

        Assert.Equal(["ceiling-threshold:0268:12345678:2026:all:75:1"], Thresholds(first));
        Assert.Equal(["ceiling-threshold:0268:12345678:2026:all:75:1"], Thresholds(second));
        // Less than 1 % of the ceiling moved: not worth telling anyone.
        Assert.Empty(Thresholds(third));
        var alert = (await new PostgresAlertStore(_dataSource).GetAllAsync()).Single(a => IsThreshold(a.Id));
        Assert.Equal(("updated", 2, 860_000L, 1_000_000L), (alert.Change, alert.Revision, alert.Figures!.Actual, alert.Figures.Limit));
        Assert.Equal(869_999, await DeclaredAsync());
        Assert.Equal(["ceiling-threshold:0268:12345678:2026:all:75:1"], await StoredAlertIdsAsync());
    }

    [Fact]
    public async Task One_batch_that_jumps_past_several_thresholds_raises_each_of_them()
    {
        var result = await Grain.ApplyDeclarationLinesAsync([Line("R1", 1_000_000)]);

        Assert.Equal(
        [
            "ceiling-threshold:0268:12345678:2026:all:75:1",
            "ceiling-threshold:0268:12345678:2026:all:90:1",
            "ceiling-threshold:0268:12345678:2026:all:100:1",
        ], Thresholds(result));
    }

    [Fact]
    public async Task A_credit_that_brings_the_total_below_a_threshold_resolves_its_alert_and_a_new_crossing_raises_a_second_one()
    {
        await Grain.ApplyDeclarationLinesAsync([Line("R1", 800_000)]);
        var credit = await Grain.ApplyDeclarationLinesAsync([Line("R1C", -100_000)]);
        var again = await Grain.ApplyDeclarationLinesAsync([Line("R2", 50_000)]);

        Assert.Equal(["ceiling-threshold:0268:12345678:2026:all:75:1"], Thresholds(credit));
        Assert.Equal(["ceiling-threshold:0268:12345678:2026:all:75:2"], Thresholds(again));
        Assert.Equal(750_000, await DeclaredAsync());
        var stored = (await new PostgresAlertStore(_dataSource).GetAllAsync()).Where(a => IsThreshold(a.Id)).ToList();
        Assert.Equal([("ceiling-threshold:0268:12345678:2026:all:75:1", "resolved", 2), ("ceiling-threshold:0268:12345678:2026:all:75:2", "raised", 1)],
            stored.Select(a => (a.Id, a.Change, a.Revision)).OrderBy(a => a.Id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Applying_the_same_lines_twice_changes_neither_the_total_nor_the_alerts()
    {
        IReadOnlyList<Ledger.DeclarationLine> batch = [Line("R1", 400_000), Line("R2", 400_000)];
        var first = await Grain.ApplyDeclarationLinesAsync(batch);
        var redelivered = await Grain.ApplyDeclarationLinesAsync(batch);

        Assert.Equal((2, 0), (first.NewLines, first.DuplicateLines));
        Assert.Equal((0, 2, 0), (redelivered.NewLines, redelivered.DuplicateLines, redelivered.AlertsRaised.Count));
        Assert.Equal(800_000, await DeclaredAsync());
    }

    [Fact]
    public async Task Totals_survive_a_silo_restart_and_no_alert_is_raised_again()
    {
        await Grain.ApplyDeclarationLinesAsync([Line("R1", 800_000), Line("R2", 1_000, year: 2025)]);

        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _cluster = await TestClusters.StartAsync(_connectionString);
        var afterRestart = await Grain.ApplyDeclarationLinesAsync([Line("R3", 5_000)]);

        Assert.Equal(805_000, await DeclaredAsync());
        Assert.Equal(1_000, await DeclaredAsync(2025));
        Assert.Empty(Thresholds(afterRestart));
        Assert.Equal(["ceiling-threshold:0268:12345678:2026:all:75:1"], await StoredAlertIdsAsync());
    }

    [Fact]
    public async Task Lines_stored_in_the_ledger_but_not_yet_folded_into_the_grain_are_caught_up_on_activation()
    {
        // What a silo crash between the ledger commit and the grain-state write leaves behind.
        await new PostgresDeclarationLedger(_dataSource).AppendAsync([Line("R1", 300_000), Line("R2", 500_000)]);

        var summary = await Grain.GetSummaryAsync();

        Assert.Equal(800_000, summary.Years.Single(y => y.ProductCategorie is null).DeclaredCents);
        Assert.Equal(["ceiling-threshold:0268:12345678:2026:all:75:1"], await StoredAlertIdsAsync());
    }

    [Fact]
    public async Task A_ceiling_per_category_is_watched_separately_from_the_contract_ceiling()
    {
        await new PostgresCeilingStore(_dataSource).UpsertAsync(new BudgetCeiling(Contract, 2026, "41", 100_000));
        await Grain.RefreshCeilingsAsync();

        var result = await Grain.ApplyDeclarationLinesAsync([Line("R1", 80_000, category: "41"), Line("R2", 10_000, category: "45")]);

        Assert.Equal(["ceiling-threshold:0268:12345678:2026:41:75:1"], Thresholds(result));
        var summary = await Grain.GetSummaryAsync();
        Assert.Contains(summary.Years, y => y is { Year: 2026, ProductCategorie: "41", DeclaredCents: 80_000, CeilingCents: 100_000 });
        Assert.Contains(summary.Years, y => y is { Year: 2026, ProductCategorie: null, DeclaredCents: 90_000, CeilingCents: 1_000_000 });
    }

    [Fact]
    public async Task Lowering_the_ceiling_mid_year_raises_the_thresholds_now_crossed_at_once()
    {
        await Grain.ApplyDeclarationLinesAsync([Line("R1", 500_000)]);

        await new PostgresCeilingStore(_dataSource).UpsertAsync(new BudgetCeiling(Contract, 2026, null, 600_000));
        await Grain.RefreshCeilingsAsync();

        Assert.Equal(["ceiling-threshold:0268:12345678:2026:all:75:1"], await StoredAlertIdsAsync());
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
