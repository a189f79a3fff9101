using SociaalDomein.Messages.Model;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Tests;

/// <summary>
/// The lead-time rules on hand-made messages of one contract, around Hemelvaartsdag (14 May 2026), Tweede Pinksterdag
/// (25 May 2026) and Koningsdag (27 April 2026), which do not count as working days.
/// </summary>
public sealed class ExpectedLeadTimesTests
{
    private const string Gemeente = "0268";
    private const string Aanbieder = "99000012";
    private static readonly DateOnly AsOf = new(2026, 5, 22);

    private static readonly Bsn Client = Bsn.TryCreate("999900006", out var bsn) ? bsn : throw new InvalidOperationException();

    [Fact]
    public void Requests_are_due_the_5th_working_day_after_and_a_319_in_onderzoek_counts_as_an_answer()
    {
        var figures = ExpectedLeadTimes.From(Traffic(), AsOf, startWithinDays: 10).For(Gemeente, Aanbieder);

        // R1 (13 May, due 21 May since 14 May is Hemelvaartsdag) answered by the 301 of 22 May: late.
        // R2 (13 May) answered by a 319 "in onderzoek" on 21 May: on time. R3 (13 May) never answered: overdue on 22 May.
        // R4 (a 317 of 20 May) is due 28 May (25 May is Tweede Pinksterdag): open. R5 is dated after the as-of day.
        Assert.Equal((4, 1, 1, 1, 1), (figures.Requests, figures.RequestsAnsweredOnTime, figures.RequestsAnsweredLate, figures.RequestsUnanswered, figures.RequestsOpen));
    }

    [Fact]
    public void The_day_before_the_answer_a_request_due_that_day_is_still_open()
    {
        var figures = ExpectedLeadTimes.From(Traffic(), AsOf.AddDays(-1), startWithinDays: 10).For(Gemeente, Aanbieder);

        Assert.Equal((4, 1, 0, 0, 3), (figures.Requests, figures.RequestsAnsweredOnTime, figures.RequestsAnsweredLate, figures.RequestsUnanswered, figures.RequestsOpen));
        Assert.Equal((4, 1, 1, 0, 2), (figures.Declarations, figures.DeclarationsAnsweredOnTime, figures.DeclarationsAnsweredLate, figures.DeclarationsUnanswered, figures.DeclarationsOpen));
    }

    [Fact]
    public void A_start_is_due_N_days_after_the_later_of_the_301_and_the_Ingangsdatum_and_a_deleted_allocation_is_left_out()
    {
        var figures = ExpectedLeadTimes.From(Traffic(), AsOf, startWithinDays: 10).For(Gemeente, Aanbieder);

        // 1: 305 on 20 March, limit 19 March: late. 2: no 305, limit 19 March: without start. 3: granted 20 May for 1 April:
        // limit 30 May, awaiting. 4: deleted (RedenWijziging 13). 5: starts 1 June, awaiting. 6: 305 two days after the start.
        Assert.Equal((5, 1, 1, 1, 2), (figures.Allocations, figures.StartsOnTime, figures.StartsLate, figures.AllocationsWithoutStart, figures.AllocationsAwaitingStart));
    }

    [Fact]
    public void A_declaration_answer_is_due_the_10th_working_day_after_and_a_resent_323_counts_once()
    {
        var leadTimes = ExpectedLeadTimes.From(Traffic(), AsOf, startWithinDays: 10);
        var figures = leadTimes.For(Gemeente, Aanbieder);

        // D1 (20 April, due 5 May: Koningsdag in between) answered 6 May: late. D2 (4 May, due 19 May) answered 18 May, sent
        // twice. D3 (6 May, due 21 May) unanswered. D4 (20 May) open.
        Assert.Equal((4, 1, 1, 1, 1), (figures.Declarations, figures.DeclarationsAnsweredOnTime, figures.DeclarationsAnsweredLate, figures.DeclarationsUnanswered, figures.DeclarationsOpen));
        Assert.Equal(figures, leadTimes.Total);
        Assert.Equal(ContractLeadTimes.Zero, leadTimes.For("0209", Aanbieder));
    }

    private static List<IstdMessage> Traffic()
    {
        var d2 = Declaratie("B2", new(2026, 5, 4));
        return
        [
            Verzoek("V1", new(2026, 5, 13), "R1"),
            Verzoek("V2", new(2026, 5, 13), "R2"),
            Verzoek("V3", new(2026, 5, 13), "R3"),
            new VerzoekOmWijzigingMessage(Standard.IJw, Header(486, false, "W4", new(2026, 5, 20)), new VerzoekOmWijziging(Client, "R4", "2", [6], [], [new NieuwProduct("45", "45A03", new(2026, 6, 1), null, new Omvang(2, "04", "2"), null)])),
            Verzoek("V5", new(2026, 5, 26), "R5"),
            new AntwoordMessage(Standard.IJw, Header(488, true, "N2", new(2026, 5, 21)), new Antwoord("R2", "2", null, null)),
            Toewijzing("T6", new(2026, 5, 22), Product(5, new(2026, 6, 1), "R1", new(2026, 5, 22))),
            Toewijzing("T1", new(2026, 3, 2), Product(1, new(2026, 3, 9)), Product(2, new(2026, 3, 9))),
            Toewijzing("T1", new(2026, 3, 2), Product(1, new(2026, 3, 9)), Product(2, new(2026, 3, 9))),
            Toewijzing("T2", new(2026, 5, 20), Product(3, new(2026, 4, 1))),
            Toewijzing("T3", new(2026, 3, 2), Product(4, new(2026, 3, 9))),
            Toewijzing("T4", new(2026, 3, 5), Product(4, new(2026, 3, 9), toewijzingsdatum: new(2026, 3, 5)) with { Einddatum = new(2026, 3, 9), RedenWijziging = "13" }),
            Toewijzing("T5", new(2026, 4, 1), Product(6, new(2026, 4, 1))),
            Start("S1", new(2026, 3, 20), 1, new(2026, 3, 9)),
            Start("S6", new(2026, 4, 3), 6, new(2026, 4, 1)),
            Declaratie("B1", new(2026, 4, 20)),
            d2,
            d2,
            Declaratie("B3", new(2026, 5, 6)),
            Declaratie("B4", new(2026, 5, 20)),
            Antwoord325("A1", new(2026, 5, 6), "B1", new(2026, 4, 20)),
            Antwoord325("A2", new(2026, 5, 18), "B2", new(2026, 5, 4)),
        ];
    }

    private static MessageHeader Header(int code, bool fromMunicipality, string identificatie, DateOnly dagtekening) =>
        new(code, 3, 2, fromMunicipality ? Gemeente : Aanbieder, fromMunicipality ? Aanbieder : Gemeente, identificatie, dagtekening, "1.0.0", "1.0.0");

    private static VerzoekOmToewijzingMessage Verzoek(string identificatie, DateOnly date, string referentie) =>
        new(Standard.IJw, Header(446, false, identificatie, date), new VerzoekOmToewijzingClient(Client, new(2015, 1, 1), "1",
            [new AangevraagdProduct(referentie, null, "45", "45A03", null, date.AddDays(14), null, new Omvang(2, "04", "2"), null, new Verwijzer("02", null), null)]));

    private static ToegewezenProduct Product(long nummer, DateOnly ingangsdatum, string? referentie = null, DateOnly? toewijzingsdatum = null) =>
        new(nummer, referentie, "45", "45A03", toewijzingsdatum ?? new(2026, 3, 2), new TimeOnly(9, 0), ingangsdatum, null, null, new Omvang(2, "04", "2"), null);

    private static ToewijzingMessage Toewijzing(string identificatie, DateOnly date, params ToegewezenProduct[] products) =>
        new(Standard.IJw, Header(436, true, identificatie, date), [new ToewijzingClient(Client, new(2015, 1, 1), products.Select(p => p.Toewijzingsdatum == new DateOnly(2026, 3, 2) ? p with { Toewijzingsdatum = date } : p).ToList())]);

    private static StartZorgMessage Start(string identificatie, DateOnly date, long nummer, DateOnly begin) =>
        new(Standard.IJw, Header(438, false, identificatie, date), new StartZorgClient(Client, new(2015, 1, 1), [new StartProduct(nummer, "45", "45A03", begin, begin, "1")]));

    private static DeclaratieMessage Declaratie(string identificatie, DateOnly date) =>
        new(Standard.IJw, Header(490, false, identificatie, date), "D" + identificatie, new(2026, 3, 1), new(2026, 3, 31), date, 0, []);

    private static DeclaratieAntwoordMessage Antwoord325(string identificatie, DateOnly date, string declaratie, DateOnly declaratieDagtekening) =>
        new(Standard.IJw, Header(491, true, identificatie, date), new MessageIdentity(declaratie, declaratieDagtekening), null, new XsdVersie("1.0.0", "1.0.0"), ["0200"],
            new DeclaratieAntwoord("D" + declaratie, 0, 0, [], ["8001"]));
}
