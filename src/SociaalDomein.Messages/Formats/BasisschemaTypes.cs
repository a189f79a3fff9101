using SociaalDomein.Messages.Codes;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// The composite types of the basisschema that many messages use (CDT_Product, CDT_Omvang, CDT_Geboortedatum, names,
/// periods, amounts with DebetCredit): their children in schema order, read and written the same way everywhere.
/// </summary>
internal static class BasisschemaTypes
{
    public static readonly ElementSequence Product = new(BasisRequired("Categorie"), BasisOptional("Code"));

    public static readonly ElementSequence Omvang = new(BasisRequired("Volume"), BasisRequired("Eenheid"), BasisRequired("Frequentie"));

    public static readonly ElementSequence Geboortedatum = new(BasisRequired("Datum"), BasisOptional("DatumGebruik"));

    public static readonly ElementSequence Periode = new(BasisRequired("Begindatum"), BasisRequired("Einddatum"));

    public static readonly ElementSequence BedragMetDebetCredit = new(BasisRequired("Bedrag"), BasisRequired("DebetCredit"));

    public static readonly ElementSequence TotaalBedragMetDebetCredit = new(BasisRequired("TotaalBedrag"), BasisRequired("DebetCredit"));

    public static readonly ElementSequence Referentie = new(BasisRequired("ReferentieNummer"), BasisOptional("VorigReferentieNummer"));

    public static readonly ElementSequence Verwijzer = new(BasisRequired("Type"), BasisOptional("Naam"), BasisOptional("ZorgverlenerCode"));

    /// <summary>Product {Categorie, Code?}; both null when the element is absent.</summary>
    public static (string? Categorie, string? Code) ReadProduct(MessageCursor cursor, StandardCodeLists codes, string name = "Product")
    {
        if (!cursor.Begin(name, Product)) return (null, null);
        var categorie = cursor.Code("Categorie", codes.ProductCategorie);
        var code = cursor.AlphaNumeric("Code", 5, 5, CodeDescriptions.ProductCode);
        cursor.End();
        return (categorie, code);
    }

    /// <summary>Writes Product when there is a category; a code without a category cannot be expressed.</summary>
    public static void WriteProduct(MessageXmlWriter writer, string? categorie, string? code, string owner)
    {
        if (categorie is null)
        {
            if (code is not null)
            {
                throw new ArgumentException($"{owner} has a ProductCode without a ProductCategorie; the message cannot express that.");
            }
            return;
        }
        writer.Start("Product");
        writer.BasisValue("Categorie", categorie);
        if (code is not null) writer.BasisValue("Code", code);
        writer.End();
    }

    public static Omvang? ReadOmvang(MessageCursor cursor, StandardCodeLists codes)
    {
        if (!cursor.Begin("Omvang", Omvang)) return null;
        var volume = cursor.Integer("Volume", 0, long.MaxValue, CodeDescriptions.Volume);
        var eenheid = cursor.Code("Eenheid", codes.Eenheid);
        var frequentie = cursor.Code("Frequentie", codes.Frequentie);
        cursor.End();
        return new Omvang(volume ?? 0, eenheid ?? "", frequentie ?? "");
    }

    public static void WriteOmvang(MessageXmlWriter writer, Omvang? omvang)
    {
        if (omvang is null) return;
        writer.Start("Omvang");
        writer.BasisValue("Volume", omvang.Volume);
        writer.BasisValue("Eenheid", omvang.Eenheid);
        writer.BasisValue("Frequentie", omvang.Frequentie);
        writer.End();
    }

    public static DateOnly? ReadGeboortedatum(MessageCursor cursor)
    {
        if (!cursor.Begin("Geboortedatum", Geboortedatum)) return null;
        var datum = cursor.Date("Datum");
        cursor.End();
        return datum;
    }

    public static void WriteGeboortedatum(MessageXmlWriter writer, DateOnly geboortedatum)
    {
        writer.Start("Geboortedatum");
        writer.BasisValue("Datum", geboortedatum);
        writer.End();
    }

    /// <summary>
    /// Geslacht and Naam, which the model does not keep: neutral placeholders (0 = gender unknown, surname "Onbekend"),
    /// valid for both CDT_VolledigeNaam and CDT_VerkorteNaam.
    /// </summary>
    public static void WriteGeslachtEnNaam(MessageXmlWriter writer)
    {
        writer.Value("Geslacht", "0");
        writer.Start("Naam");
        writer.StartBasis("Geslachtsnaam");
        writer.BasisValue("Achternaam", "Onbekend");
        writer.End();
        writer.End();
    }

    public static (DateOnly? Begin, DateOnly? Einde) ReadPeriode(MessageCursor cursor, string name)
    {
        if (!cursor.Begin(name, Periode)) return (null, null);
        var begin = cursor.Date("Begindatum");
        var einde = cursor.Date("Einddatum");
        cursor.End();
        return (begin, einde);
    }

    public static void WritePeriode(MessageXmlWriter writer, string name, DateOnly begin, DateOnly einde)
    {
        writer.Start(name);
        writer.BasisValue("Begindatum", begin);
        writer.BasisValue("Einddatum", einde);
        writer.End();
    }

    /// <summary>A CDT_TotaalBedragMetDC as a signed amount (credit negative); null when absent.</summary>
    public static long? ReadTotaalBedrag(MessageCursor cursor, string name)
    {
        if (!cursor.Begin(name, TotaalBedragMetDebetCredit)) return null;
        var bedrag = cursor.Integer("TotaalBedrag", 0, long.MaxValue, CodeDescriptions.Cents) ?? 0;
        var sign = cursor.DebetCredit("DebetCredit");
        cursor.End();
        return sign == DebetCredit.Credit ? -bedrag : bedrag;
    }

    public static void WriteTotaalBedrag(MessageXmlWriter writer, string name, long signedCents)
    {
        writer.Start(name);
        writer.BasisValue("TotaalBedrag", Math.Abs(signedCents));
        writer.BasisValue("DebetCredit", signedCents < 0 ? "C" : "D");
        writer.End();
    }

    /// <summary>A CDT_BedragMetDC (Bedrag, DebetCredit); nulls when absent.</summary>
    public static (long? Bedrag, DebetCredit? Sign) ReadBedrag(MessageCursor cursor, string name)
    {
        if (!cursor.Begin(name, BedragMetDebetCredit)) return (null, null);
        var bedrag = cursor.Integer("Bedrag", 0, long.MaxValue, CodeDescriptions.Cents);
        var sign = cursor.DebetCredit("DebetCredit");
        cursor.End();
        return (bedrag, sign);
    }

    /// <param name="inBasisschema">True when the element itself is a child of a basisschema type (a 2.x DeclaratieFactuurBedrag).</param>
    public static void WriteBedrag(MessageXmlWriter writer, string name, long cents, DebetCredit sign, bool inBasisschema = false)
    {
        if (inBasisschema) writer.StartBasis(name);
        else writer.Start(name);
        writer.BasisValue("Bedrag", cents);
        writer.BasisValue("DebetCredit", sign == DebetCredit.Credit ? "C" : "D");
        writer.End();
    }

    /// <summary>A CDT_Referentie (ReferentieNummer, VorigReferentieNummer?).</summary>
    public static (string? Referentie, string? Vorige) ReadReferentie(MessageCursor cursor, string name)
    {
        if (!cursor.Begin(name, Referentie)) return (null, null);
        var referentie = cursor.Text("ReferentieNummer", 1, 20);
        var vorige = cursor.Text("VorigReferentieNummer", 1, 20);
        cursor.End();
        return (referentie, vorige);
    }

    public static void WriteReferentie(MessageXmlWriter writer, string name, string referentie, string? vorige)
    {
        writer.Start(name);
        writer.BasisValue("ReferentieNummer", referentie);
        if (vorige is not null) writer.BasisValue("VorigReferentieNummer", vorige);
        writer.End();
    }

    public static long? ReadToewijzingNummer(MessageCursor cursor, string name = "ToewijzingNummer") =>
        cursor.Integer(name, 0, CodeDescriptions.MaxToewijzingNummer, CodeDescriptions.ToewijzingNummer);

    public static long? ReadCents(MessageCursor cursor, string name) => cursor.Integer(name, 0, long.MaxValue, CodeDescriptions.Cents);
}
