using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// The 323 Declaratie, shared by iJw (JW323) and iWmo (WMO323): one month's claim with many clients and their prestaties.
/// </summary>
/// <remarks>This is the hot path of the system (25 MB files with tens of thousands of lines): no allocation per line beyond the model.</remarks>
internal abstract class Declaratie323Format(Standard standard)
    : MessageFormat(standard, MessageType.Declaratie323, sentByMunicipality: false, isRetour: false, Release.Current3x)
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

    private static readonly ElementSequence Clienten = new(
        OneOrMore("Client"));

    private static readonly ElementSequence Client = new(
        Required("Bsn"),
        Required("Prestaties"));

    private static readonly ElementSequence Prestaties = new(
        OneOrMore("Prestatie"));

    /// <summary>Children of a 323 Prestatie; the 325 repeats them with RetourCodes.</summary>
    internal static readonly ElementSlot[] PrestatieSlots =
    [
        Required("ProductReferentie"),
        Required("ToewijzingNummer"),
        Required("ProductCategorie"),
        Required("ProductCode"),
        Required("ProductPeriode"),
        Required("GeleverdVolume"),
        Required("Eenheid"),
        Optional("ProductTarief"),
        Required("IngediendBedrag"),
    ];

    private static readonly ElementSequence Prestatie = new(PrestatieSlots);

    public override ElementSequence RootChildren => Root;

    public override IstdMessage Read(MessageCursor cursor, FormatBinding binding)
    {
        var (header, _) = ReadHeader(cursor, binding);
        string? nummer = null;
        DateOnly? periodeBegin = null, periodeEinde = null, dagtekening = null;
        long totaal = 0;
        var clients = new List<DeclaratieClient>();
        if (cursor.Begin("Declaratie", Declaratie))
        {
            nummer = cursor.AlphaNumeric("DeclaratieNummer", 1, 12, CodeDescriptions.DeclaratieNummer);
            (periodeBegin, periodeEinde) = BasisschemaTypes.ReadPeriode(cursor, "DeclaratiePeriode");
            dagtekening = cursor.Date("DeclaratieDagtekening");
            totaal = BasisschemaTypes.ReadTotaalBedrag(cursor, "TotaalIngediendBedrag") ?? 0;
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

    private DeclaratieClient ReadClient(MessageCursor cursor)
    {
        var bsn = cursor.Bsn("Bsn");
        var prestaties = new List<Prestatie>();
        if (cursor.Begin("Prestaties", Prestaties))
        {
            while (cursor.Begin("Prestatie", Prestatie))
            {
                prestaties.Add(ReadPrestatie(cursor, CodeLists));
                cursor.End();
            }
            cursor.End();
        }
        return new DeclaratieClient(bsn ?? default, prestaties);
    }

    /// <summary>Reads the children of a Prestatie (323, and the rejected ones repeated in a 325).</summary>
    internal static Prestatie ReadPrestatie(MessageCursor cursor, Codes.StandardCodeLists codes)
    {
        var (referentie, vorigeReferentie) = BasisschemaTypes.ReadReferentie(cursor, "ProductReferentie");
        var toewijzingNummer = BasisschemaTypes.ReadToewijzingNummer(cursor);
        var categorie = cursor.Code("ProductCategorie", codes.ProductCategorie);
        var code = cursor.AlphaNumeric("ProductCode", 5, 5, CodeDescriptions.ProductCode);
        var (begin, einde) = BasisschemaTypes.ReadPeriode(cursor, "ProductPeriode");
        var volume = cursor.Integer("GeleverdVolume", 0, long.MaxValue, CodeDescriptions.Volume);
        var eenheid = cursor.Code("Eenheid", codes.Eenheid);
        var tarief = BasisschemaTypes.ReadCents(cursor, "ProductTarief");
        var (bedrag, sign) = BasisschemaTypes.ReadBedrag(cursor, "IngediendBedrag");
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

    public override void Write(MessageXmlWriter writer, IstdMessage message)
    {
        var declaratie = (DeclaratieMessage)message;
        WriteHeader(writer, message.Header, null);
        writer.Start("Declaratie");
        writer.Value("DeclaratieNummer", declaratie.DeclaratieNummer);
        BasisschemaTypes.WritePeriode(writer, "DeclaratiePeriode", declaratie.PeriodeBegin, declaratie.PeriodeEinde);
        writer.Value("DeclaratieDagtekening", declaratie.DeclaratieDagtekening);
        BasisschemaTypes.WriteTotaalBedrag(writer, "TotaalIngediendBedrag", declaratie.TotaalIngediendBedragCents);
        writer.Start("Clienten");
        foreach (var client in declaratie.Clients)
        {
            writer.Start("Client");
            writer.Value("Bsn", client.Bsn.RevealForPseudonymisation());
            writer.Start("Prestaties");
            foreach (var prestatie in client.Prestaties)
            {
                writer.Start("Prestatie");
                WritePrestatie(writer, prestatie);
                writer.End();
            }
            writer.End();
            writer.End();
        }
        writer.End();
        writer.End();
    }

    /// <summary>Writes the children of a Prestatie; the caller opens and closes it.</summary>
    internal static void WritePrestatie(MessageXmlWriter writer, Prestatie prestatie)
    {
        BasisschemaTypes.WriteReferentie(writer, "ProductReferentie", prestatie.ReferentieNummer, prestatie.VorigReferentieNummer);
        writer.Value("ToewijzingNummer", prestatie.ToewijzingNummer);
        writer.Value("ProductCategorie", prestatie.ProductCategorie);
        writer.Value("ProductCode", prestatie.ProductCode);
        BasisschemaTypes.WritePeriode(writer, "ProductPeriode", prestatie.ProductPeriodeBegin, prestatie.ProductPeriodeEinde);
        writer.Value("GeleverdVolume", prestatie.GeleverdVolume);
        writer.Value("Eenheid", prestatie.Eenheid);
        if (prestatie.ProductTariefCents is { } tarief) writer.Value("ProductTarief", tarief);
        BasisschemaTypes.WriteBedrag(writer, "IngediendBedrag", prestatie.IngediendBedragCents, prestatie.DebetCredit);
    }
}

/// <summary>JW323 Declaratie Jeugdhulp (BerichtCode 490), provider → municipality.</summary>
internal sealed class Jw323Format() : Declaratie323Format(Standard.IJw);

/// <summary>WMO323 Declaratie Wmo-ondersteuning (BerichtCode 484), provider → municipality.</summary>
internal sealed class Wmo323Format() : Declaratie323Format(Standard.IWmo);
