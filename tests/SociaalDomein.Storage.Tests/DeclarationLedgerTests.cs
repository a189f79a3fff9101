using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Storage.Ledger;
using SociaalDomein.Storage.Queries;
using static SociaalDomein.Storage.Tests.Lines;

namespace SociaalDomein.Storage.Tests;

public sealed class DeclarationLedgerTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly DateOnly May4 = new(2026, 5, 4);
    private static readonly DateOnly May5 = new(2026, 5, 5);

    private PostgresDeclarationLedger Ledger => new(DataSource);

    private async Task<IReadOnlyList<LedgerEntry>> AppendAsync(params DeclarationLine[] lines) => (await Ledger.AppendAsync(lines)).Stored;
    private CostQueries Queries => new(DataSource);

    [Fact]
    public async Task Appended_lines_are_added_to_the_daily_costs_of_their_dagtekening_and_category_credits_included()
    {
        var stored = await AppendAsync([
            Line("REF-1", 12_500, May4, "45"),
            Line("REF-2", 7_250, May4, "45"),
            Line("REF-3", 4_000, May4, "41"),
            Line("REF-4", -12_500, May5, "45", vorigReferentieNummer: "REF-1", messageId: "ijw:323:12345678:D-2026-06"),
        ]);

        Assert.Equal([12_500L, 7_250L, 4_000L, -12_500L], stored.Select(entry => entry.AmountCents));
        Assert.Equal([1L, 2L, 3L, 4L], stored.Select(entry => entry.Sequence));
        Assert.All(stored, entry => Assert.Equal(2026, entry.Year));
        Assert.Equal("ijw:323:12345678:D-2026-06", stored[3].MessageId);
        Assert.Equal(
            [
                new DailyCost(May4, "0344", "12345678", "41", "ijw", 4_000, 1),
                new DailyCost(May4, "0344", "12345678", "45", "ijw", 19_750, 2),
                new DailyCost(May5, "0344", "12345678", "45", "ijw", -12_500, 1),
            ],
            await Queries.GetDailyCostsAsync());
        Assert.Equal([new ContractYearTotal("0344", "12345678", 2026, 11_250)], await Queries.GetContractYearTotalsAsync());
    }

    [Fact]
    public async Task Appending_the_same_lines_again_stores_nothing_and_changes_no_total()
    {
        SociaalDomein.Monitoring.Ledger.DeclarationLine[] batch = [Line("REF-1", 12_500, May4), Line("REF-2", 7_250, May4), Line("REF-3", -3_000, May5)];
        await AppendAsync(batch);

        var again = await AppendAsync(batch);

        Assert.Empty(again);
        Assert.Equal(
            [
                new DailyCost(May4, "0344", "12345678", "45", "ijw", 19_750, 2),
                new DailyCost(May5, "0344", "12345678", "45", "ijw", -3_000, 1),
            ],
            await Queries.GetDailyCostsAsync());
        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM declaration_lines"));
    }

    [Fact]
    public async Task A_redelivered_message_overlapping_stored_lines_adds_only_its_new_lines()
    {
        var first = await AppendAsync([Line("REF-1", 12_500, May4)]);

        var stored = await AppendAsync([Line("REF-1", 12_500, May4), Line("REF-2", 7_250, May4)]);

        var entry = Assert.Single(stored);
        Assert.Equal(7_250L, entry.AmountCents);
        Assert.True(entry.Sequence > first[0].Sequence);
        Assert.Equal([new DailyCost(May4, "0344", "12345678", "45", "ijw", 19_750, 2)], await Queries.GetDailyCostsAsync());
    }

    [Fact]
    public async Task A_reference_repeated_within_one_batch_is_stored_once_and_the_first_occurrence_wins()
    {
        var stored = await AppendAsync([Line("REF-1", 10_000, May4), Line("REF-1", 99_900, May5)]);

        Assert.Equal([10_000L], stored.Select(entry => entry.AmountCents));
        Assert.Equal([new DailyCost(May4, "0344", "12345678", "45", "ijw", 10_000, 1)], await Queries.GetDailyCostsAsync());
    }

    [Fact]
    public async Task A_reference_number_is_unique_per_provider_and_standard_only()
    {
        var stored = await AppendAsync([
            Line("REF-1", 10_000, May4, standard: Standard.IJw),
            Line("REF-1", 20_000, May4, standard: Standard.IWmo),
        ]);

        Assert.Equal([10_000L, 20_000L], stored.Select(entry => entry.AmountCents));
        Assert.Equal(
            [
                new DailyCost(May4, "0344", "12345678", "45", "ijw", 10_000, 1),
                new DailyCost(May4, "0344", "12345678", "45", "iwmo", 20_000, 1),
            ],
            await Queries.GetDailyCostsAsync());
    }

    [Fact]
    public async Task ReadSince_returns_the_contracts_entries_after_the_sequence_in_ledger_order()
    {
        await AppendAsync([Line("U-1", 1_000, May4, contract: Utrecht), Line("A-1", 5_000, May4, contract: Amersfoort)]);
        await AppendAsync([Line("U-2", 2_000, May4, contract: Utrecht), Line("U-3", -1_000, May5, contract: Utrecht)]);

        var utrechtAfterFirst = await Ledger.ReadSinceAsync(Utrecht, afterSequence: 1);
        var amersfoortFromStart = await Ledger.ReadSinceAsync(Amersfoort, afterSequence: 0);

        Assert.Equal([(3L, 2_000L), (4L, -1_000L)], utrechtAfterFirst.Select(entry => (entry.Sequence, entry.AmountCents)));
        Assert.Equal([(2L, 5_000L)], amersfoortFromStart.Select(entry => (entry.Sequence, entry.AmountCents)));
        Assert.Empty(await Ledger.ReadSinceAsync(Utrecht, afterSequence: 4));
    }

    [Fact]
    public async Task Drill_down_returns_the_contracts_lines_of_the_year_exactly_as_appended()
    {
        var credit = Line("REF-2", -12_500, May5, vorigReferentieNummer: "REF-1", sourceOffset: 42);
        var debit = Line("REF-1", 12_500, May4, sourceOffset: 41);
        await AppendAsync([debit, credit, Line("A-1", 5_000, May4, contract: Amersfoort)]);

        var lines = await Queries.GetLinesForContractAsync(Utrecht, 2026);

        Assert.Equal([debit, credit], lines.Select(stored => stored.Line));
        Assert.Equal([1L, 2L], lines.Select(stored => stored.Sequence));
        Assert.Empty(await Queries.GetLinesForContractAsync(Utrecht, 2025));
    }

    [Fact]
    public async Task On_one_kept_session_the_staging_table_is_made_once_and_neither_a_failed_nor_a_stored_append_leaves_rows_in_it()
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(DataSource.ConnectionString) { MaxPoolSize = 1 };
        StorageServiceCollectionExtensions.UseSessionsAcrossPooledConnections(settings);
        await using var kept = new Npgsql.NpgsqlDataSourceBuilder(settings.ConnectionString).Build();
        var ledger = new PostgresDeclarationLedger(kept);
        async Task<(int Pid, long StagingTables, long Staged)> SessionAsync()
        {
            await using var connection = await kept.OpenConnectionAsync();
            var pid = connection.ProcessID;
            await using var tables = new Npgsql.NpgsqlCommand(
                "SELECT count(*) FROM pg_class WHERE relname = 'incoming_lines' AND relnamespace = pg_my_temp_schema()", connection);
            var count = (long)(await tables.ExecuteScalarAsync())!;
            if (count == 0) return (pid, 0, 0);
            await using var rows = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_temp.incoming_lines", connection);
            return (pid, count, (long)(await rows.ExecuteScalarAsync())!);
        }

        await ledger.AppendAsync([Line("REF-1", 12_500, May4), Line("REF-2", 7_250, May4)]);
        var first = await SessionAsync();
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => ledger.AppendAsync([Line("REF-3", 1_000, May4) with { ClientPseudonym = "123456782" }]));
        var stored = (await ledger.AppendAsync([Line("REF-2", 7_250, May4), Line("REF-4", 4_000, May5)])).Stored;
        var last = await SessionAsync();

        Assert.Equal((1L, 0L), (first.StagingTables, first.Staged));
        Assert.Equal((first.Pid, 1L, 0L), last); // the same session, its one staging table, empty after every commit and rollback
        Assert.Equal(["REF-4"], stored.Select(e => e.Line.ReferentieNummer));
        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM declaration_lines"));
        Assert.Equal(23_750L, await ScalarAsync<long>("SELECT sum(amount_cents)::bigint FROM daily_costs"));
    }

    [Fact]
    public async Task A_BSN_where_the_pseudonym_belongs_is_refused_by_the_schema()
    {
        var withBsn = Line("REF-1", 12_500, May4) with { ClientPseudonym = "123456782" };

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Ledger.AppendAsync([withBsn]));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM declaration_lines"));
    }

    [Fact]
    public async Task A_reference_number_reused_by_another_message_is_not_counted_again_and_is_signalled_once()
    {
        await AppendAsync(Line("REF-1", 12_500, May4, messageId: "ijw:323:12345678:D1"));

        var reuse = await Ledger.AppendAsync([Line("REF-1", 99_000, May5, messageId: "ijw:323:12345678:D2")]);
        var redelivered = await Ledger.AppendAsync([Line("REF-1", 99_000, May5, messageId: "ijw:323:12345678:D2")]);

        Assert.Empty(reuse.Stored);
        var signal = Assert.Single(reuse.Signals);
        Assert.Equal(("SD-DUPLICATE-REFERENTIE", "REF-1", "ijw:323:12345678:D2"), (signal.Rule, signal.ReferentieNummer, signal.MessageId));
        Assert.Contains("already declared in message ijw:323:12345678:D1", signal.Explanation);
        Assert.Empty(redelivered.Signals);
        Assert.Equal([new ContractYearTotal("0344", "12345678", 2026, 12_500)], await Queries.GetContractYearTotalsAsync());
    }

    [Fact]
    public async Task A_credit_of_a_debit_the_ledger_does_not_hold_is_signalled_but_still_counted()
    {
        var result = await Ledger.AppendAsync([
            Line("REF-1", 10_000, May4),
            Line("CR-1", -10_000, May5, vorigReferentieNummer: "REF-1"),
            Line("CR-2", -5_000, May5, vorigReferentieNummer: "NOPE"),
        ]);

        Assert.Equal(3, result.Stored.Count);
        var signal = Assert.Single(result.Signals);
        Assert.Equal(("SD-CREDIT-UNKNOWN-DEBIT", "CR-2"), (signal.Rule, signal.ReferentieNummer));
        Assert.Equal([new ContractYearTotal("0344", "12345678", 2026, -5_000)], await Queries.GetContractYearTotalsAsync());
    }

    [Fact]
    public async Task ReadForAllocations_returns_the_contracts_lines_of_those_allocations_only()
    {
        await AppendAsync(Line("A", 1_000, May4, toewijzingNummer: 7), Line("B", 2_000, May4, toewijzingNummer: 8),
            Line("C", 3_000, May4, toewijzingNummer: 7, standard: Standard.IWmo));

        var lines = await Ledger.ReadForAllocationsAsync(new SociaalDomein.Monitoring.Contracts.ContractKey("0344", "12345678"), Standard.IJw, [7]);

        Assert.Equal(["A"], lines.Select(l => l.Line.ReferentieNummer));
    }
}
