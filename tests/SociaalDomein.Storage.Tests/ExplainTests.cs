using SociaalDomein.Storage.Ledger;
using SociaalDomein.Storage.Queries;
using static SociaalDomein.Storage.Tests.DailyInsightTests;

namespace SociaalDomein.Storage.Tests;

/// <summary>
/// Any total can be taken apart into the lines and messages it is the sum of. On top of the scenario of
/// <see cref="DailyInsightTests"/>, D3 (received 2 July) also brings C9 (−500, a credit of an unknown debit: counted,
/// with a signal) and R2 again (already declared in D1: not counted). 2 July then holds C1 −12 500 (cancelling R1 of
/// 1 July), R4 10 000, R5 1 250 and C9 −500: −1 750 = debits 11 250 + credits −13 000. The contract-year 2026 holds
/// 12 500 + 5 000 + 2 500 − 12 500 + 10 000 + 1 250 − 500 = 18 250.
/// </summary>
public sealed class ExplainTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly DateOnly July1 = new(2026, 7, 1);
    private static readonly DateOnly July2 = new(2026, 7, 2);
    private static readonly DateOnly June = new(2026, 6, 1);
    private const string Client = "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd";

    private readonly TestClock _clock = new();

    private ExplainQueries Queries => new(DataSource);

    private async Task ArrangeAsync()
    {
        var ledger = new PostgresDeclarationLedger(DataSource, _clock);
        await AppendScenarioAsync(ledger, _clock);
        await ledger.AppendAsync([
            Line("C9", -500, June, Client, 1, "ijw:323:12345678:D3", credits: "NOPE"),
            Line("R2", 99_999, June, Client, 1, "ijw:323:12345678:D3"),
        ]);
        await using var deadLetter = DataSource.CreateCommand("""
            INSERT INTO message_log (source_topic, source_partition, source_offset, status, reason, rule, element, logged_at)
            VALUES ('istd.ijw', 0, 77, 'dead_lettered', 'The BSN fails the elfproef.', 'bsn-elfproef', 'Client/Bsn', '2026-07-01 23:30:00+00'),
                   ('istd.ijw', 0, 78, 'dead_lettered', 'Element Bericht is missing.', 'xsd', 'Bericht', '2026-07-01 21:30:00+00')
            """);
        await deadLetter.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_days_total_is_the_sum_of_its_lines_each_credit_naming_the_debit_it_cancels_from_another_day()
    {
        await ArrangeAsync();
        var day = new ExplainFilter(From: July2, To: July2, Municipalities: ["0344"]);

        var total = await Queries.GetTotalAsync(day);
        var lines = await Queries.GetLinesPageAsync(day, 100, 0);

        Assert.Equal(new ExplainTotal(LineCount: 4, AmountCents: -1_750, DebitCents: 11_250, CreditCents: -13_000, Messages: 2, LinesWithSignals: 1), total);
        Assert.Equal(4, lines.Total);
        Assert.Equal(["C1", "R4", "R5", "C9"], lines.Items.Select(l => l.Line.ReferentieNummer));
        Assert.Equal(total.AmountCents, lines.Items.Sum(l => l.Line.AmountCents));
        Assert.All(lines.Items, l => Assert.Equal(July2, l.ReceivedDay));

        var credit = lines.Items[0];
        Assert.Equal(new LinkedLine(1, "R1", "ijw:323:12345678:D1", 12_500, July1), credit.Cancels);
        Assert.Null(credit.CancelledBy);
        Assert.Null(lines.Items[1].Cancels);

        var unknownCredit = lines.Items[3];
        Assert.Null(unknownCredit.Cancels);
        var signal = Assert.Single(unknownCredit.Signals);
        Assert.Equal(("SD-CREDIT-UNKNOWN-DEBIT", true), (signal.Rule, signal.Open));
        Assert.Contains("cancels NOPE", signal.Explanation);
    }

    [Fact]
    public async Task A_contract_years_total_lists_every_line_and_a_debit_names_the_credit_that_cancelled_it()
    {
        await ArrangeAsync();
        var contractYear = new ExplainFilter(Municipalities: ["0344"], ProviderAgb: "12345678", Year: 2026);

        var total = await Queries.GetTotalAsync(contractYear);
        var lines = await Queries.GetLinesPageAsync(contractYear, 100, 0);
        var messages = await Queries.GetMessagesAsync(contractYear);

        Assert.Equal((7L, 18_250L), (total.LineCount, total.AmountCents));
        Assert.Equal(18_250L, lines.Items.Sum(l => l.Line.AmountCents));
        var ytd = (await new ContractQueries(DataSource).GetYearToDateAsync(new ContractFilter(2026, ["0344"], "12345678"))).Single();
        Assert.Equal(ytd.DeclaredCents, total.AmountCents);

        var r1 = lines.Items.Single(l => l.Line.ReferentieNummer == "R1");
        Assert.Equal(new LinkedLine(4, "C1", "ijw:323:12345678:D2", -12_500, July2), r1.CancelledBy);
        Assert.Null(lines.Items.Single(l => l.Line.ReferentieNummer == "R2").CancelledBy);

        Assert.Equal(
            [("ijw:323:12345678:D1", July1, 3L, 20_000L), ("ijw:323:12345678:D2", July2, 2L, -2_500L), ("ijw:323:12345678:D3", July2, 2L, 750L)],
            messages.Select(m => (m.MessageId, m.ReceivedDay, m.LineCount, m.AmountCents)));
        Assert.Equal(total.AmountCents, messages.Sum(m => m.AmountCents));
    }

    [Fact]
    public async Task What_was_not_counted_shows_the_refused_duplicate_and_for_a_whole_day_the_dead_lettered_records_of_that_Dutch_day()
    {
        await ArrangeAsync();

        var day = await Queries.GetNotCountedAsync(new ExplainFilter(From: July2, To: July2));
        var municipalityDay = await Queries.GetNotCountedAsync(new ExplainFilter(From: July2, To: July2, Municipalities: ["0344"]));

        // Offset 77 was logged at 23:30 UTC on 1 July, 01:30 on 2 July in Amsterdam; offset 78 (21:30 UTC) on 1 July.
        Assert.Equal(
            [(NotCountedKinds.DeadLettered, (string?)null, (long?)77L), (NotCountedKinds.DuplicateReferentie, "R2", null)],
            day.Select(n => (n.Kind, n.ReferentieNummer, n.SourceOffset)).OrderBy(n => n.Kind));
        var duplicate = Assert.Single(municipalityDay);
        Assert.Equal(("ijw:323:12345678:D3", "SD-DUPLICATE-REFERENTIE"), (duplicate.MessageId, duplicate.Rule));
        Assert.Contains("already declared in message ijw:323:12345678:D1", duplicate.Explanation);
    }
}
