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
        var line = ReadLine(cursor, codes.ProductCategorie, codes.Eenheid);
        var (bedrag, sign) = BasisschemaTypes.ReadBedrag(cursor, "IngediendBedrag");
        return line.ToPrestatie(bedrag, sign);
    }

    /// <summary>
    /// Reads ProductReferentie … ProductTarief, which the 323, the 325 and the legacy 303 share. Without code lists
    /// (<paramref name="categories"/>, <paramref name="units"/> null) only the 2-digit form is checked.
    /// </summary>
    internal static PrestatieLine ReadLine(MessageCursor cursor, Codes.CodeList? categories, Codes.CodeList? units)
    {
        var (referentie, vorigeReferentie) = BasisschemaTypes.ReadReferentie(cursor, "ProductReferentie");
        var toewijzingNummer = BasisschemaTypes.ReadToewijzingNummer(cursor);
        var categorie = categories is null
            ? cursor.Digits("ProductCategorie", 2, CodeDescriptions.ProductCategorie)
            : cursor.Code("ProductCategorie", categories);
        var code = cursor.AlphaNumeric("ProductCode", 5, 5, CodeDescriptions.ProductCode);
        var (begin, einde) = BasisschemaTypes.ReadPeriode(cursor, "ProductPeriode");
        var volume = cursor.Integer("GeleverdVolume", 0, long.MaxValue, CodeDescriptions.Volume);
        var eenheid = units is null ? cursor.Digits("Eenheid", 2, CodeDescriptions.Eenheid) : cursor.Code("Eenheid", units);
        var tarief = BasisschemaTypes.ReadCents(cursor, "ProductTarief");
        return new PrestatieLine(referentie, vorigeReferentie, toewijzingNummer, categorie, code, begin, einde, volume, eenheid, tarief);
    }

    /// <summary>Writes ProductReferentie … ProductTarief; the caller writes the amount in its own form.</summary>
    internal static void WriteLine(MessageXmlWriter writer, Prestatie prestatie)
    {
        BasisschemaTypes.WriteReferentie(writer, "ProductReferentie", prestatie.ReferentieNummer, prestatie.VorigReferentieNummer);
        writer.Value("ToewijzingNummer", prestatie.ToewijzingNummer);
        writer.Value("ProductCategorie", prestatie.ProductCategorie);
        writer.Value("ProductCode", prestatie.ProductCode);
        BasisschemaTypes.WritePeriode(writer, "ProductPeriode", prestatie.ProductPeriodeBegin, prestatie.ProductPeriodeEinde);
        writer.Value("GeleverdVolume", prestatie.GeleverdVolume);
        writer.Value("Eenheid", prestatie.Eenheid);
        if (prestatie.ProductTariefCents is { } tarief) writer.Value("ProductTarief", tarief);
    }

    /// <summary>The fields of a prestatie before its amount, as read; nulls where a value was missing or invalid (the message is then refused).</summary>
    internal readonly record struct PrestatieLine(
        string? Referentie, string? VorigeReferentie, long? ToewijzingNummer, string? Categorie, string? Code,
        DateOnly? Begin, DateOnly? Einde, long? Volume, string? Eenheid, long? Tarief)
    {
        public Prestatie ToPrestatie(long? bedrag, DebetCredit? sign) => new(
            Referentie ?? "",
            VorigeReferentie,
            ToewijzingNummer ?? 0,
            Categorie ?? "",
            Code ?? "",
            Begin ?? default,
            Einde ?? default,
            Volume ?? 0,
            Eenheid ?? "",
            Tarief,
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
        WriteLine(writer, prestatie);
        BasisschemaTypes.WriteBedrag(writer, "IngediendBedrag", prestatie.IngediendBedragCents, prestatie.DebetCredit);
    }
}

/// <summary>JW323 Declaratie Jeugdhulp (BerichtCode 490), provider → municipality.</summary>
internal sealed class Jw323Format() : Declaratie323Format(Standard.IJw);

/// <summary>WMO323 Declaratie Wmo-ondersteuning (BerichtCode 484), provider → municipality.</summary>
internal sealed class Wmo323Format() : Declaratie323Format(Standard.IWmo);
