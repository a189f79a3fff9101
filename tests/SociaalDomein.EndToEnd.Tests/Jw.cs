using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Writing;

namespace SociaalDomein.EndToEnd.Tests;

/// <summary>Builds real iJw 3.2 messages (through the production writer) for end-to-end scenarios.</summary>
internal static class Jw
{
    public const string TestBsn = "999900006";

    public static Bsn Bsn(string digits = TestBsn) =>
        Messages.Model.Bsn.TryCreate(digits, out var bsn) ? bsn : throw new ArgumentException("not an elfproef-valid BSN");

    public static byte[] Toewijzing301(string id, DateOnly dagtekening, string municipality, string provider, long toewijzingNummer,
        string category, string code, DateOnly from, long hoursPerWeek) =>
        MessageWriter.Write(new ToewijzingMessage(Standard.IJw,
            new MessageHeader(436, 3, 2, municipality, provider, id, dagtekening, "1.2.0", "1.2.0"),
            [
                new ToewijzingClient(Bsn(), new DateOnly(2012, 3, 14),
                [
                    new ToegewezenProduct(toewijzingNummer, null, category, code, dagtekening, new TimeOnly(9, 30), from, null, null,
                        new Omvang(hoursPerWeek, "04", "2"), null),
                ]),
            ]));

    public static Prestatie Debit(string referentie, long toewijzingNummer, string category, string code, DateOnly month, long hours, long tariffCents) =>
        new(referentie, null, toewijzingNummer, category, code, month, month.AddMonths(1).AddDays(-1), hours, "04", tariffCents,
            hours * tariffCents, DebetCredit.Debet);

    public static Prestatie Credit(Prestatie debit, string referentie) =>
        debit with { ReferentieNummer = referentie, VorigReferentieNummer = debit.ReferentieNummer, DebetCredit = DebetCredit.Credit };

    public static byte[] Declaratie323(string id, DateOnly dagtekening, string municipality, string provider, string declaratieNummer,
        DateOnly month, params Prestatie[] prestaties) =>
        MessageWriter.Write(new DeclaratieMessage(Standard.IJw,
            new MessageHeader(490, 3, 2, provider, municipality, id, dagtekening, "1.2.0", "1.2.0"),
            declaratieNummer, month, month.AddMonths(1).AddDays(-1), dagtekening, prestaties.Sum(p => p.SignedAmountCents),
            [new DeclaratieClient(Bsn(), prestaties)]));
}
