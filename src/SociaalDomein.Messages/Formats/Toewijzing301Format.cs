using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// The 301 Toewijzing body, shared by iJw (JW301) and iWmo (WMO301): one Client with its allocated products.
/// A concrete format only names the standard, BerichtCode and schema.
/// </summary>
/// <remarks>
/// Person data we do not keep (Geslacht, Naam, Contactgegevens, Relaties, ...) is checked for presence and order and
/// then skipped unread. The writer fills those required elements with neutral placeholders.
/// </remarks>
internal abstract class Toewijzing301Format(Standard standard, int berichtCode, string schemaName) : IMessageFormat
{
    private static readonly ElementSequence Root = new(
        Required("Header"),
        Required("Client"));

    private static readonly ElementSequence Client = new(
        Required("Bsn"),
        Required("Geboortedatum"),
        Required("Geslacht"),
        Required("Naam"),
        Optional("Communicatie"),
        Optional("JuridischeStatus"),
        Optional("WettelijkeVertegenwoordiging"),
        Optional("Commentaar"),
        Optional("Relaties"),
        Required("Contactgegevens"),
        Required("ToegewezenProducten"));

    private static readonly ElementSequence Geboortedatum = new(
        BasisRequired("Datum"),
        BasisOptional("DatumGebruik"));

    private static readonly ElementSequence ToegewezenProducten = new(
        OneOrMore("ToegewezenProduct"));

    private static readonly ElementSequence ToegewezenProduct = new(
        Required("ToewijzingNummer"),
        Optional("ReferentieAanbieder"),
        Optional("Product"),
        Required("Toewijzingsdatum"),
        Required("Toewijzingstijd"),
        Required("Ingangsdatum"),
        Optional("Einddatum"),
        Optional("RedenWijziging"),
        Optional("Omvang"),
        Optional("Budget"),
        Optional("Commentaar"));

    private static readonly ElementSequence Product = new(
        BasisRequired("Categorie"),
        BasisOptional("Code"));

    private static readonly ElementSequence Omvang = new(
        BasisRequired("Volume"),
        BasisRequired("Eenheid"),
        BasisRequired("Frequentie"));

    public Standard Standard => standard;
    public MessageType Type => MessageType.Toewijzing301;
    public int BerichtCode => berichtCode;
    public string SchemaName => schemaName;
    public bool SentByMunicipality => true;
    public IReadOnlyList<Release> Releases { get; } = [Release.R3_0, Release.R3_2];
    public ElementSequence RootChildren => Root;

    public IstdMessage ReadBody(MessageCursor cursor, MessageHeader header)
    {
        var clients = new List<ToewijzingClient>(1);
        if (cursor.Begin("Client", Client))
        {
            var bsn = cursor.Bsn("Bsn");
            DateOnly? geboortedatum = null;
            if (cursor.Begin("Geboortedatum", Geboortedatum))
            {
                geboortedatum = cursor.Date("Datum");
                cursor.End();
            }
            var producten = new List<ToegewezenProduct>();
            if (cursor.Begin("ToegewezenProducten", ToegewezenProducten))
            {
                while (cursor.Begin("ToegewezenProduct", ToegewezenProduct))
                {
                    producten.Add(ReadProduct(cursor));
                    cursor.End();
                }
                cursor.End();
            }
            cursor.End();
            clients.Add(new ToewijzingClient(bsn ?? default, geboortedatum ?? default, producten));
        }
        return new ToewijzingMessage(Standard, header, clients);
    }

    private static ToegewezenProduct ReadProduct(MessageCursor cursor)
    {
        var nummer = cursor.Integer("ToewijzingNummer", 0, CodeDescriptions.MaxToewijzingNummer, CodeDescriptions.ToewijzingNummer);
        var referentie = cursor.Text("ReferentieAanbieder", 1, 20);
        string? categorie = null, code = null;
        if (cursor.Begin("Product", Product))
        {
            categorie = cursor.Digits("Categorie", 2, CodeDescriptions.ProductCategorie);
            code = cursor.AlphaNumeric("Code", 5, 5, CodeDescriptions.ProductCode);
            cursor.End();
        }
        var toewijzingsdatum = cursor.Date("Toewijzingsdatum");
        var toewijzingstijd = cursor.Time("Toewijzingstijd");
        var ingangsdatum = cursor.Date("Ingangsdatum");
        var einddatum = cursor.Date("Einddatum");
        var redenWijziging = cursor.Digits("RedenWijziging", 2, CodeDescriptions.RedenWijziging);
        Omvang? omvang = null;
        if (cursor.Begin("Omvang", Omvang))
        {
            var volume = cursor.Integer("Volume", 0, long.MaxValue, CodeDescriptions.Volume);
            var eenheid = cursor.Digits("Eenheid", 2, CodeDescriptions.Eenheid);
            var frequentie = cursor.Digits("Frequentie", 1, CodeDescriptions.Frequentie);
            cursor.End();
            omvang = new Omvang(volume ?? 0, eenheid ?? "", frequentie ?? "");
        }
        var budget = cursor.Integer("Budget", 0, long.MaxValue, CodeDescriptions.Cents);
        if (omvang is not null && budget is not null)
        {
            cursor.Error("Budget", RuleCodes.Exclusive,
                "This allocation has both Omvang and Budget; the standard allows only one of the two.");
        }
        return new ToegewezenProduct(
            nummer ?? 0,
            referentie,
            categorie,
            code,
            toewijzingsdatum ?? default,
            toewijzingstijd ?? default,
            ingangsdatum ?? default,
            einddatum,
            redenWijziging,
            omvang,
            budget);
    }

    public void WriteBody(MessageXmlWriter writer, IstdMessage message)
    {
        var toewijzing = (ToewijzingMessage)message;
        if (toewijzing.Clients.Count != 1)
        {
            throw new ArgumentException(
                $"A 301 carries exactly one client, this one has {toewijzing.Clients.Count}; write one message per client.", nameof(message));
        }
        var client = toewijzing.Clients[0];
        writer.Start("Client");
        writer.Value("Bsn", client.Bsn.RevealForPseudonymisation());
        writer.Start("Geboortedatum");
        writer.BasisValue("Datum", client.Geboortedatum);
        writer.End();
        // Required person data we do not model: neutral placeholders (0 = gender unknown, contact of type 01 without address).
        writer.Value("Geslacht", "0");
        writer.Start("Naam");
        writer.StartBasis("Geslachtsnaam");
        writer.BasisValue("Achternaam", "Onbekend");
        writer.End();
        writer.End();
        writer.Start("Contactgegevens");
        writer.Start("Contact");
        writer.Value("Soort", "01");
        writer.End();
        writer.End();
        writer.Start("ToegewezenProducten");
        foreach (var product in client.Producten)
        {
            WriteProduct(writer, product);
        }
        writer.End();
        writer.End();
    }

    private static void WriteProduct(MessageXmlWriter writer, ToegewezenProduct product)
    {
        writer.Start("ToegewezenProduct");
        writer.Value("ToewijzingNummer", product.ToewijzingNummer);
        if (product.ReferentieAanbieder is { } referentie) writer.Value("ReferentieAanbieder", referentie);
        if (product.ProductCategorie is { } categorie)
        {
            writer.Start("Product");
            writer.BasisValue("Categorie", categorie);
            if (product.ProductCode is { } code) writer.BasisValue("Code", code);
            writer.End();
        }
        else if (product.ProductCode is not null)
        {
            throw new ArgumentException(
                $"Allocation {product.ToewijzingNummer} has a ProductCode without a ProductCategorie; the 301 cannot express that.", nameof(product));
        }
        writer.Value("Toewijzingsdatum", product.Toewijzingsdatum);
        writer.Value("Toewijzingstijd", product.Toewijzingstijd);
        writer.Value("Ingangsdatum", product.Ingangsdatum);
        if (product.Einddatum is { } einddatum) writer.Value("Einddatum", einddatum);
        if (product.RedenWijziging is { } reden) writer.Value("RedenWijziging", reden);
        if (product.Omvang is { } omvang)
        {
            writer.Start("Omvang");
            writer.BasisValue("Volume", omvang.Volume);
            writer.BasisValue("Eenheid", omvang.Eenheid);
            writer.BasisValue("Frequentie", omvang.Frequentie);
            writer.End();
        }
        if (product.BudgetCents is { } budget) writer.Value("Budget", budget);
        writer.End();
    }
}
