using Npgsql;
using SociaalDomein.Storage.Ledger;
using SociaalDomein.Storage.Migrations;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Storage.Tests;

/// <summary>Reconciling proves the daily tables equal the ledger, and names each figure that does not.</summary>
public sealed class ReconcileTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly ReconcileFilter July = new(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31));

    private readonly TestClock _clock = new();

    private ReconcileQueries Queries => new(DataSource);

    private async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_daily_tables_written_with_the_ledger_reconcile_exactly()
    {
        await DailyInsightTests.AppendScenarioAsync(new PostgresDeclarationLedger(DataSource, _clock), _clock);

        var report = await Queries.ReconcileAsync(July);

        Assert.True(report.Equal, string.Join("; ", report.Differences));
        Assert.Equal((6L, 18_750L), (report.LedgerLines, report.LedgerAmountCents));
        // daily-insight 4 (1 July: May, June; 2 July: June, July) + clients 2 + year to date 1 + daily-costs 1 + messages 3.
        Assert.Equal(11L, report.TotalsCompared);
    }

    [Fact]
    public async Task A_daily_row_changed_behind_the_ledgers_back_is_named_with_the_exact_difference_by_day_service_month_and_year_to_date()
    {
        await DailyInsightTests.AppendScenarioAsync(new PostgresDeclarationLedger(DataSource, _clock), _clock);
        await ExecuteAsync("UPDATE daily_insight SET amount_cents = amount_cents + 100 WHERE day = '2026-07-02' AND service_month = '2026-06-01'");

        var report = await Queries.ReconcileAsync(July);

        Assert.False(report.Equal);
        Assert.Equal(
        [
            new ReconcileDifference(ReconcileChecks.DailyInsight, "2026-07-02 0344×12345678 cat 45 ijw month 2026-06 unit 04", "amount_cents", -2_500, -2_400),
            new ReconcileDifference(ReconcileChecks.YearToDate, "year to 2026-07-31 0344×12345678 cat 45 ijw", "amount_cents", 18_750, 18_850),
        ], report.Differences);
        Assert.All(report.Differences, d => Assert.Equal(100, d.Difference));
    }

    [Fact]
    public async Task A_missing_client_row_and_a_missing_daily_costs_row_are_named()
    {
        await DailyInsightTests.AppendScenarioAsync(new PostgresDeclarationLedger(DataSource, _clock), _clock);
        await ExecuteAsync($"DELETE FROM daily_clients WHERE day = '2026-07-02' AND client_pseudonym = '{new string('c', 64)}'");
        await ExecuteAsync("DELETE FROM daily_costs");

        var report = await Queries.ReconcileAsync(July);

        Assert.Equal(
        [
            new ReconcileDifference(ReconcileChecks.DailyClients, "2026-07-02 0344×12345678 cat 45 ijw", "client_count", 2, 1),
            new ReconcileDifference(ReconcileChecks.YearToDate, "year to 2026-07-31 0344×12345678 cat 45 ijw", "client_count", 3, 2),
            new ReconcileDifference(ReconcileChecks.DailyCosts, "dagtekening 2026-07-01 0344×12345678 cat 45 ijw", "amount_cents", 18_750, null),
            new ReconcileDifference(ReconcileChecks.DailyCosts, "dagtekening 2026-07-01 0344×12345678 cat 45 ijw", "line_count", 6, null),
        ], report.Differences);
    }

    [Fact]
    public async Task Reconciling_another_municipality_or_period_ignores_the_corrupted_row()
    {
        await DailyInsightTests.AppendScenarioAsync(new PostgresDeclarationLedger(DataSource, _clock), _clock);
        await ExecuteAsync("UPDATE daily_insight SET line_count = 99 WHERE day = '2026-07-02'");

        Assert.True((await Queries.ReconcileAsync(July with { Municipalities = ["0307"] })).Equal);
        Assert.True((await Queries.ReconcileAsync(new ReconcileFilter(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 1)))).Equal);
        Assert.False((await Queries.ReconcileAsync(July with { ProviderAgb = "12345678" })).Equal);
    }

    [Fact]
    public async Task Migration_0005_fills_the_daily_insight_from_the_lines_already_in_the_ledger_on_the_day_they_were_stored()
    {
        await using var dataSource = await Postgres.CreateDatabaseAsync(migrated: false);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            // The schema as it stood before 0005, recorded as applied, and lines stored by the ledger of that time.
            foreach (var migration in MigrationRunner.All.Where(m => string.CompareOrdinal(m.Name, "0005") < 0))
                await new NpgsqlCommand(migration.Sql, connection).ExecuteNonQueryAsync();
            await new NpgsqlCommand("CREATE TABLE schema_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", connection)
                .ExecuteNonQueryAsync();
            foreach (var migration in MigrationRunner.All.Where(m => string.CompareOrdinal(m.Name, "0005") < 0))
                await new NpgsqlCommand($"INSERT INTO schema_migrations (name, checksum) VALUES ('{migration.Name}', '{migration.Checksum}')", connection).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"""
                INSERT INTO declaration_lines (standard, municipality_code, provider_agb, referentie_nummer, vorig_referentie_nummer, declaratie_nummer,
                    message_id, dagtekening, toewijzing_nummer, product_categorie, product_code, period_begin, period_end, geleverd_volume, eenheid,
                    tariff_cents, amount_cents, client_pseudonym, source_topic, source_partition, source_offset, stored_at)
                VALUES
                    ('ijw', '0344', '12345678', 'R1', NULL, 'D1', 'm1', '2026-07-01', 1, '45', '45A01', '2026-06-01', '2026-06-30', 10, '04', 1250, 12500, '{new string('a', 64)}', 't', 0, 1, '2026-07-01 21:59:00+00'),
                    ('ijw', '0344', '12345678', 'R2', NULL, 'D1', 'm1', '2026-07-01', 1, '45', '45A01', '2026-05-01', '2026-05-31', 2, '04', 1250, 2500, '{new string('b', 64)}', 't', 0, 1, '2026-07-01 22:01:00+00'),
                    ('ijw', '0344', '12345678', 'C1', 'R1', 'D2', 'm2', '2026-07-02', 1, '45', '45A01', '2026-06-01', '2026-06-30', 10, '04', 1250, -12500, '{new string('a', 64)}', 't', 0, 2, '2026-07-01 22:30:00+00')
                """, connection).ExecuteNonQueryAsync();
            await new NpgsqlCommand("""
                INSERT INTO daily_costs (day, municipality_code, provider_agb, product_categorie, standard, amount_cents, line_count)
                SELECT dagtekening, municipality_code, provider_agb, product_categorie, standard, sum(amount_cents), count(*)
                FROM declaration_lines GROUP BY 1, 2, 3, 4, 5
                """, connection).ExecuteNonQueryAsync();
        }

        // 0005 and every migration after it; 0005 is the one that fills the daily insight.
        Assert.Equal("0005_daily_insight", (await new MigrationRunner(dataSource).MigrateAsync())[0]);

        var rows = await new DailyInsightQueries(dataSource).StreamAsync(new DailyCostFilter()).ToListAsync();
        // m1's first line was stored at 23:59 in Amsterdam on 1 July, so all of m1 counts on 1 July; m2 (00:30) on 2 July.
        Assert.Equal(
            [(new DateOnly(2026, 7, 1), 15_000L, 2L, 2L, 15_000L, 2L), (new DateOnly(2026, 7, 2), -12_500L, 1L, 1L, 2_500L, 2L)],
            rows.Select(r => (r.Day, r.AmountCents, r.LineCount, r.ClientCount, r.YtdAmountCents, r.YtdClientCount)));
        Assert.Equal([new UnitVolume("04", -10)], rows[1].Volumes);
        Assert.True((await new ReconcileQueries(dataSource).ReconcileAsync(July)).Equal);
    }
}
