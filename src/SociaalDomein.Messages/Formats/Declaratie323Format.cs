using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// The 323 Declaratie body, shared by iJw (JW323) and iWmo (WMO323): one month's claim with many clients and
/// their prestaties. A concrete format only names the standard, BerichtCode and schema.
/// </summary>
internal abstract class Declaratie323Format(Standard standard, int berichtCode, string schemaName) : IMessageFormat
{
    private static readonly ElementSequence Root = new(
        Required("Header"),
        Required("Declaratie"));

    private static readonly ElementSequence Declaratie = new(
        Required("DeclaratieNummer"),
        Required("DeclaratiePeriode"),
        Required("DeclaratieDagtekening"),
        Required("TotaalIngediendBedrag"),
        Required("Clienten"));

    private static readonly ElementSequence Periode = new(
        BasisRequired("Begindatum"),
        BasisRequired("Einddatum"));

    private static readonly ElementSequence TotaalBedrag = new(
        BasisRequired("TotaalBedrag"),
        BasisRequired("DebetCredit"));

    private static readonly ElementSequence Clienten = new(
        OneOrMore("Client"));

    private static readonly ElementSequence Client = new(
        Required("Bsn"),
        Required("Prestaties"));

    private static readonly ElementSequence Prestaties = new(
        OneOrMore("Prestatie"));

    private static readonly ElementSequence Prestatie = new(
        Required("ProductReferentie"),
        Required("ToewijzingNummer"),
        Required("ProductCategorie"),
        Required("ProductCode"),
        Required("ProductPeriode"),
        Required("GeleverdVolume"),
        Required("Eenheid"),
        Optional("ProductTarief"),
        Required("IngediendBedrag"));

    private static readonly ElementSequence ProductReferentie = new(
        BasisRequired("ReferentieNummer"),
        BasisOptional("VorigReferentieNummer"));

    private static readonly ElementSequence Bedrag = new(
        BasisRequired("Bedrag"),
        BasisRequired("DebetCredit"));

    public Standard Standard => standard;
    public MessageType Type => MessageType.Declaratie323;
    public int BerichtCode => berichtCode;
    public string SchemaName => schemaName;
    public bool SentByMunicipality => false;
    public IReadOnlyList<Release> Releases { get; } = [Release.R3_0, Release.R3_2];
    public ElementSequence RootChildren => Root;

    public IstdMessage ReadBody(MessageCursor cursor, MessageHeader header)
    {
        string? nummer = null;
        DateOnly? periodeBegin = null, periodeEinde = null, dagtekening = null;
        long totaal = 0;
        var clients = new List<DeclaratieClient>();
        if (cursor.Begin("Declaratie", Declaratie))
        {
            nummer = cursor.AlphaNumeric("DeclaratieNummer", 1, 12, CodeDescriptions.DeclaratieNummer);
            if (cursor.Begin("DeclaratiePeriode", Periode))
            {
                periodeBegin = cursor.Date("Begindatum");
                periodeEinde = cursor.Date("Einddatum");
                cursor.End();
            }
            dagtekening = cursor.Date("DeclaratieDagtekening");
            if (cursor.Begin("TotaalIngediendBedrag", TotaalBedrag))
            {
                var bedrag = cursor.Integer("TotaalBedrag", 0, long.MaxValue, CodeDescriptions.Cents) ?? 0;
                var sign = cursor.DebetCredit("DebetCredit");
                totaal = sign == DebetCredit.Credit ? -bedrag : bedrag;
                cursor.End();
            }
            if (cursor.Begin("Clienten", Clienten))
            {
                while (cursor.Begin("Client", Client))
                {
                    clients.Add(ReadClient(cursor));
                    cursor.End();
                }
                cursor.End();
            }
            cursor.End();
        }
        return new DeclaratieMessage(
            Standard,
            header,
            nummer ?? "",
            periodeBegin ?? default,
            periodeEinde ?? default,
            dagtekening ?? default,
            totaal,
            clients);
    }

    private static DeclaratieClient ReadClient(MessageCursor cursor)
    {
        var bsn = cursor.Bsn("Bsn");
        var prestaties = new List<Prestatie>();
        if (cursor.Begin("Prestaties", Prestaties))
        {
            while (cursor.Begin("Prestatie", Prestatie))
            {
                prestaties.Add(ReadPrestatie(cursor));
                cursor.End();
            }
            cursor.End();
        }
        return new DeclaratieClient(bsn ?? default, prestaties);
    }

    private static Prestatie ReadPrestatie(MessageCursor cursor)
    {
        string? referentie = null, vorigeReferentie = null;
        if (cursor.Begin("ProductReferentie", ProductReferentie))
        {
            referentie = cursor.Text("ReferentieNummer", 1, 20);
            vorigeReferentie = cursor.Text("VorigReferentieNummer", 1, 20);
            cursor.End();
        }
        var toewijzingNummer = cursor.Integer("ToewijzingNummer", 0, CodeDescriptions.MaxToewijzingNummer, CodeDescriptions.ToewijzingNummer);
        var categorie = cursor.Digits("ProductCategorie", 2, CodeDescriptions.ProductCategorie);
        var code = cursor.AlphaNumeric("ProductCode", 5, 5, CodeDescriptions.ProductCode);
        DateOnly? begin = null, einde = null;
        if (cursor.Begin("ProductPeriode", Periode))
        {
            begin = cursor.Date("Begindatum");
            einde = cursor.Date("Einddatum");
            cursor.End();
        }
        var volume = cursor.Integer("GeleverdVolume", 0, long.MaxValue, CodeDescriptions.Volume);
        var eenheid = cursor.Digits("Eenheid", 2, CodeDescriptions.Eenheid);
        var tarief = cursor.Integer("ProductTarief", 0, long.MaxValue, CodeDescriptions.Cents);
        long? bedrag = null;
        DebetCredit? sign = null;
        if (cursor.Begin("IngediendBedrag", Bedrag))
        {
            bedrag = cursor.Integer("Bedrag", 0, long.MaxValue, CodeDescriptions.Cents);
            sign = cursor.DebetCredit("DebetCredit");
            cursor.End();
        }
        return new Prestatie(
            referentie ?? "",
            vorigeReferentie,
            toewijzingNummer ?? 0,
            categorie ?? "",
            code ?? "",
            begin ?? default,
            einde ?? default,
            volume ?? 0,
            eenheid ?? "",
            tarief,
            bedrag ?? 0,
            sign ?? DebetCredit.Debet);
    }

    public void WriteBody(MessageXmlWriter writer, IstdMessage message)
    {
        var declaratie = (DeclaratieMessage)message;
        writer.Start("Declaratie");
        writer.Value("DeclaratieNummer", declaratie.DeclaratieNummer);
        writer.Start("DeclaratiePeriode");
        writer.BasisValue("Begindatum", declaratie.PeriodeBegin);
        writer.BasisValue("Einddatum", declaratie.PeriodeEinde);
        writer.End();
        writer.Value("DeclaratieDagtekening", declaratie.DeclaratieDagtekening);
        writer.Start("TotaalIngediendBedrag");
        writer.BasisValue("TotaalBedrag", Math.Abs(declaratie.TotaalIngediendBedragCents));
        writer.BasisValue("DebetCredit", declaratie.TotaalIngediendBedragCents < 0 ? "C" : "D");
        writer.End();
        writer.Start("Clienten");
        foreach (var client in declaratie.Clients)
        {
            writer.Start("Client");
            writer.Value("Bsn", client.Bsn.RevealForPseudonymisation());
            writer.Start("Prestaties");
            foreach (var prestatie in client.Prestaties)
            {
                WritePrestatie(writer, prestatie);
            }
            writer.End();
            writer.End();
        }
        writer.End();
        writer.End();
    }

    private static void WritePrestatie(MessageXmlWriter writer, Prestatie prestatie)
    {
        writer.Start("Prestatie");
        writer.Start("ProductReferentie");
        writer.BasisValue("ReferentieNummer", prestatie.ReferentieNummer);
        if (prestatie.VorigReferentieNummer is { } vorige) writer.BasisValue("VorigReferentieNummer", vorige);
        writer.End();
        writer.Value("ToewijzingNummer", prestatie.ToewijzingNummer);
        writer.Value("ProductCategorie", prestatie.ProductCategorie);
        writer.Value("ProductCode", prestatie.ProductCode);
        writer.Start("ProductPeriode");
        writer.BasisValue("Begindatum", prestatie.ProductPeriodeBegin);
        writer.BasisValue("Einddatum", prestatie.ProductPeriodeEinde);
        writer.End();
        writer.Value("GeleverdVolume", prestatie.GeleverdVolume);
        writer.Value("Eenheid", prestatie.Eenheid);
        if (prestatie.ProductTariefCents is { } tarief) writer.Value("ProductTarief", tarief);
        writer.Start("IngediendBedrag");
        writer.BasisValue("Bedrag", prestatie.IngediendBedragCents);
        writer.BasisValue("DebetCredit", prestatie.DebetCredit == DebetCredit.Credit ? "C" : "D");
        writer.End();
        writer.End();
    }
}
