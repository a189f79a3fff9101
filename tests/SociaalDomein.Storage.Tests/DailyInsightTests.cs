using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Storage.Ledger;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Storage.Tests;

/// <summary>
/// The daily cost insight counts a declaration on the Dutch day it was received. The scenario (contract 0344 × 12345678,
/// category 45, iJw, hours), amounts in eurocents:
/// <list type="table">
/// <item>D1 received 1 July 10:00 UTC (12:00 in Amsterdam): R1 client A June 10 h 12 500, R2 client B June 4 h 5 000, R3 client A May 2 h 2 500</item>
/// <item>D2 received 1 July 23:30 UTC (2 July 01:30 in Amsterdam): C1 credits R1 (June, −10 h, −12 500), R4 client A June 8 h 10 000</item>
/// <item>D3 received 2 July 08:00 UTC: R5 client C July 1 h 1 250</item>
/// </list>
/// 1 July: 20 000 over 3 lines and 2 clients (June 17 500, May 2 500). 2 July: −1 250 over 3 lines and 2 clients
/// (June −2 500, July 1 250); year to date 18 750, 6 lines, 3 clients (A once).
/// </summary>
public sealed class DailyInsightTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private const string A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string C = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";
    private static readonly DateOnly July1 = new(2026, 7, 1);
    private static readonly DateOnly July2 = new(2026, 7, 2);
    private static readonly DateOnly May = new(2026, 5, 1);
    private static readonly DateOnly June = new(2026, 6, 1);
    private static readonly DateOnly July = new(2026, 7, 1);

    private readonly TestClock _clock = new();

    private PostgresDeclarationLedger Ledger => new(DataSource, _clock);

    internal static DeclarationLine Line(string reference, long cents, DateOnly serviceMonth, string client, long volume, string message,
        string? credits = null, string category = "45", DateOnly? dagtekening = null) =>
        Lines.Line(reference, cents, dagtekening ?? new DateOnly(2026, 7, 1), category, vorigReferentieNummer: credits, messageId: message) with
        {
            PeriodBegin = serviceMonth,
            PeriodEnd = serviceMonth.AddMonths(1).AddDays(-1),
            ClientPseudonym = client,
            GeleverdVolume = volume,
            DeclaratieNummer = message[^2..],
        };

    internal static async Task AppendScenarioAsync(PostgresDeclarationLedger ledger, TestClock clock)
    {
        clock.UtcNow = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);
        await ledger.AppendAsync([
            Line("R1", 12_500, June, A, 10, "ijw:323:12345678:D1"),
            Line("R2", 5_000, June, B, 4, "ijw:323:12345678:D1"),
            Line("R3", 2_500, May, A, 2, "ijw:323:12345678:D1"),
        ]);
        clock.UtcNow = new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero);
        await ledger.AppendAsync([
            Line("C1", -12_500, June, A, 10, "ijw:323:12345678:D2", credits: "R1"),
            Line("R4", 10_000, June, A, 8, "ijw:323:12345678:D2"),
        ]);
        clock.UtcNow = new DateTimeOffset(2026, 7, 2, 8, 0, 0, TimeSpan.Zero);
        await ledger.AppendAsync([Line("R5", 1_250, July, C, 1, "ijw:323:12345678:D3")]);
    }

    private static DailyInsight Row(DateOnly day, long amount, long lines, long clients, long ytdAmount, long ytdLines, long ytdClients,
        ServiceMonthAmount[] months, UnitVolume[] volumes) =>
        new(day, "0344", "12345678", "45", "ijw", amount, lines, clients, ytdAmount, ytdLines, ytdClients, months, volumes);

    private static void AssertRows(IReadOnlyList<DailyInsight> expected, IReadOnlyList<DailyInsight> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i] with { ServiceMonths = [], Volumes = [] }, actual[i] with { ServiceMonths = [], Volumes = [] });
            Assert.Equal(expected[i].ServiceMonths, actual[i].ServiceMonths);
            Assert.Equal(expected[i].Volumes, actual[i].Volumes);
        }
    }

    [Fact]
    public async Task Each_day_shows_what_was_received_that_Dutch_day_by_service_month_with_the_year_to_date_and_a_client_counted_once()
    {
        await AppendScenarioAsync(Ledger, _clock);

        var page = await new DailyInsightQueries(DataSource).GetPageAsync(new DailyCostFilter(), 100, 0);

        Assert.Equal(2, page.Total);
        AssertRows(
        [
            Row(July1, 20_000, 3, 2, 20_000, 3, 2,
                [new ServiceMonthAmount(May, 2_500, 1), new ServiceMonthAmount(June, 17_500, 2)], [new UnitVolume("04", 16)]),
            Row(July2, -1_250, 3, 2, 18_750, 6, 3,
                [new ServiceMonthAmount(June, -2_500, 2), new ServiceMonthAmount(July, 1_250, 1)], [new UnitVolume("04", -1)]),
        ], page.Items);
    }

    [Fact]
    public async Task A_period_starting_mid_year_still_carries_the_year_to_date_from_the_first_of_January()
    {
        await AppendScenarioAsync(Ledger, _clock);

        var rows = await new DailyInsightQueries(DataSource).StreamAsync(new DailyCostFilter(From: July2, To: July2)).ToListAsync();

        AssertRows(
        [
            Row(July2, -1_250, 3, 2, 18_750, 6, 3,
                [new ServiceMonthAmount(June, -2_500, 2), new ServiceMonthAmount(July, 1_250, 1)], [new UnitVolume("04", -1)]),
        ], rows);
    }

    [Fact]
    public async Task A_message_at_23_30_UTC_in_summer_counts_on_the_next_Dutch_day_and_one_at_22_30_UTC_in_winter_too()
    {
        _clock.UtcNow = new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero);
        await Ledger.AppendAsync([Line("S1", 1_000, June, A, 1, "ijw:323:12345678:S1")]);
        _clock.UtcNow = new DateTimeOffset(2026, 7, 1, 21, 59, 59, TimeSpan.Zero);
        await Ledger.AppendAsync([Line("S2", 2_000, June, A, 1, "ijw:323:12345678:S2")]);
        _clock.UtcNow = new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero);
        await Ledger.AppendAsync([Line("W1", 4_000, new DateOnly(2026, 12, 1), A, 1, "ijw:323:12345678:W1")]);

        var rows = await new DailyInsightQueries(DataSource).StreamAsync(new DailyCostFilter()).ToListAsync();

        // 23:30 UTC on 1 July is 01:30 on 2 July in Amsterdam (CEST, UTC+2); 21:59:59 UTC is still 1 July.
        // 23:00 UTC on 31 December is midnight in Amsterdam (CET, UTC+1): the first day of 2027, a new year to date.
        Assert.Equal(
            [(July1, 2_000L, 2_000L), (July2, 1_000L, 3_000L), (new DateOnly(2027, 1, 1), 4_000L, 4_000L)],
            rows.Select(r => (r.Day, r.AmountCents, r.YtdAmountCents)));
        Assert.Equal("2026-07-02", await ScalarAsync<string>("SELECT received_day::text FROM declaration_messages WHERE message_id = 'ijw:323:12345678:S1'"));
    }

    [Fact]
    public async Task A_message_stored_in_two_batches_across_midnight_counts_whole_on_the_day_its_first_batch_arrived()
    {
        _clock.UtcNow = new DateTimeOffset(2026, 7, 1, 21, 50, 0, TimeSpan.Zero);
        await Ledger.AppendAsync([Line("B1", 3_000, June, A, 3, "ijw:323:12345678:BIG")]);
        _clock.UtcNow = new DateTimeOffset(2026, 7, 1, 22, 10, 0, TimeSpan.Zero);
        await Ledger.AppendAsync([Line("B2", 7_000, June, B, 7, "ijw:323:12345678:BIG")]);

        var rows = await new DailyInsightQueries(DataSource).StreamAsync(new DailyCostFilter()).ToListAsync();

        var row = Assert.Single(rows);
        Assert.Equal((July1, 10_000L, 2L, 2L), (row.Day, row.AmountCents, row.LineCount, row.ClientCount));
    }

    [Fact]
    public async Task A_redelivery_on_a_later_day_changes_no_daily_figure()
    {
        await AppendScenarioAsync(Ledger, _clock);
        var before = await new DailyInsightQueries(DataSource).StreamAsync(new DailyCostFilter()).ToListAsync();

        _clock.UtcNow = new DateTimeOffset(2026, 7, 9, 12, 0, 0, TimeSpan.Zero);
        await Ledger.AppendAsync([Line("R1", 12_500, June, A, 10, "ijw:323:12345678:D1"), Line("R2", 5_000, June, B, 4, "ijw:323:12345678:D1")]);

        var after = await new DailyInsightQueries(DataSource).StreamAsync(new DailyCostFilter()).ToListAsync();
        AssertRows(before, after);
        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM declaration_messages"));
    }

    [Fact]
    public async Task Filters_select_municipality_provider_category_and_standard_and_the_per_day_sum_equals_daily_costs_of_the_same_lines()
    {
        await AppendScenarioAsync(Ledger, _clock);
        _clock.UtcNow = new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero);
        await Ledger.AppendAsync([Lines.Line("Q1", 9_900, July1, "41", contract: Lines.Amersfoort, messageId: "ijw:323:12345678:Q1")]);
        var queries = new DailyInsightQueries(DataSource);

        var amersfoort = await queries.StreamAsync(new DailyCostFilter(Municipalities: ["0307"])).ToListAsync();
        var category41 = await queries.StreamAsync(new DailyCostFilter(ProductCategorie: "41")).ToListAsync();
        var iwmo = await queries.StreamAsync(new DailyCostFilter(Standard: "iwmo")).ToListAsync();

        Assert.Equal([("0307", "41", 9_900L)], amersfoort.Select(r => (r.MunicipalityCode, r.ProductCategorie, r.AmountCents)));
        Assert.Equal(amersfoort.Select(r => (r.Day, r.AmountCents)), category41.Select(r => (r.Day, r.AmountCents)));
        Assert.Empty(iwmo);
        Assert.Equal(28_650L, await ScalarAsync<long>("SELECT sum(amount_cents)::bigint FROM daily_insight"));
        Assert.Equal(28_650L, await ScalarAsync<long>("SELECT sum(amount_cents)::bigint FROM daily_costs"));
    }

    [Fact]
    public async Task The_reporting_view_shows_the_same_daily_figures_as_the_query()
    {
        await AppendScenarioAsync(Ledger, _clock);

        await using var command = DataSource.CreateCommand("""
            SELECT day, amount_cents, line_count, client_count, ytd_amount_cents, ytd_line_count, ytd_client_count
            FROM reporting.daily_insight ORDER BY day
            """);
        var rows = new List<(DateOnly, long, long, long, long, long, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));

        Assert.Equal([(July1, 20_000L, 3L, 2L, 20_000L, 3L, 2L), (July2, -1_250L, 3L, 2L, 18_750L, 6L, 3L)], rows);
        Assert.Equal(-2L, await ScalarAsync<long>("SELECT volume FROM reporting.daily_insight_by_service_month WHERE day = '2026-07-02' AND service_month = '2026-06-01'"));
    }
}

/// <summary>A clock a test sets by hand: the ledger dates a message's receipt with it.</summary>
internal sealed class TestClock : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => UtcNow;
}
