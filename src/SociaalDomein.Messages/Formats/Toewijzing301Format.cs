using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// The 301 Toewijzing (one Client with its allocated products) and its retour 302, for iJw and iWmo.
/// </summary>
/// <remarks>
/// Person data we do not keep (Geslacht, Naam, Contactgegevens, Relaties, ...) is checked for presence and order and
/// then skipped unread. The writer fills those required elements with neutral placeholders.
/// </remarks>
internal abstract class Toewijzing301Format : MessageFormat
{
    private readonly ElementSequence _root;
    private readonly ElementSequence _client;
    private readonly ElementSequence _producten = new(OneOrMore("ToegewezenProduct"));
    private readonly ElementSequence _product;
    private readonly ElementSequence _contactgegevens = new(OneOrMore("Contact"));
    private readonly ElementSequence _contact;

    protected Toewijzing301Format(Standard standard, bool retour)
        : base(standard, retour ? MessageType.ToewijzingRetour302 : MessageType.Toewijzing301, sentByMunicipality: !retour, retour, Release.Current3x)
    {
        _root = new(Required("Header"), retour ? Optional("Client") : Required("Client"));
        _client = ElementSequence.Class(retour,
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
        _product = ElementSequence.Class(retour,
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
        _contact = ElementSequence.Class(retour, Required("Soort"));
    }

    public override ElementSequence RootChildren => _root;

    public override IstdMessage Read(MessageCursor cursor, FormatBinding binding)
    {
        var (header, retour) = ReadHeader(cursor, binding);
        var map = NewMap();
        ToewijzingClient? client = null;
        if (cursor.Begin("Client", _client))
        {
            var read = ReadClientWithProducts(cursor, map, "ToegewezenProducten", _producten, _product, ReadProduct);
            cursor.End();
            client = new ToewijzingClient(read.Bsn, read.Geboortedatum, read.Products);
        }
        return IsRetour
            ? new ToewijzingRetourMessage(Standard, header, retour!, ToMap(map), client)
            : new ToewijzingMessage(Standard, header, client is null ? [] : [client]);
    }

    private ToegewezenProduct ReadProduct(MessageCursor cursor)
    {
        var nummer = BasisschemaTypes.ReadToewijzingNummer(cursor);
        var referentie = cursor.Text("ReferentieAanbieder", 1, 20);
        var (categorie, code) = BasisschemaTypes.ReadProduct(cursor, CodeLists);
        var toewijzingsdatum = cursor.Date("Toewijzingsdatum");
        var toewijzingstijd = cursor.Time("Toewijzingstijd");
        var ingangsdatum = cursor.Date("Ingangsdatum");
        var einddatum = cursor.Date("Einddatum");
        var redenWijziging = cursor.Code("RedenWijziging", CodeLists.RedenWijziging);
        var omvang = BasisschemaTypes.ReadOmvang(cursor, CodeLists);
        // Omvang together with Budget is allowed by the XSD; it is a rule within the message (level 2), not structure.
        var budget = BasisschemaTypes.ReadCents(cursor, "Budget");
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

    public override void Write(MessageXmlWriter writer, IstdMessage message)
    {
        ToewijzingClient? client;
        RetourHeader? retour = null;
        RetourCodeMap? map = null;
        if (message is ToewijzingRetourMessage retourMessage)
        {
            (client, retour, map) = (retourMessage.Client, retourMessage.Retour, retourMessage.RetourCodes);
        }
        else
        {
            var toewijzing = (ToewijzingMessage)message;
            if (toewijzing.Clients.Count != 1)
            {
                throw new ArgumentException(
                    $"A 301 carries exactly one client, this one has {toewijzing.Clients.Count}; write one message per client.", nameof(message));
            }
            client = toewijzing.Clients[0];
        }
        WriteHeader(writer, message.Header, retour);
        if (client is not null) WriteClient(writer, client, map);
    }

    private void WriteClient(MessageXmlWriter writer, ToewijzingClient client, RetourCodeMap? map) =>
        WriteClientWithProducts(writer, client.Bsn, client.Geboortedatum, "ToegewezenProducten", _producten, client.Producten,
            (product, _) => WriteProduct(writer, product), map,
            writeBeforeProducts: () =>
            {
                // Required contact data we do not model: one contact of type 01 (BRP address) without an address.
                writer.Start("Contactgegevens");
                writer.Start("Contact");
                writer.Value("Soort", "01");
                if (IsRetour) writer.RetourCodes([Validation.StandardRetourCodes.GeenOpmerking]);
                writer.End();
                writer.End();
            });

    /// <summary>Writes the children of ToegewezenProduct.</summary>
    private static void WriteProduct(MessageXmlWriter writer, ToegewezenProduct product)
    {
        writer.Value("ToewijzingNummer", product.ToewijzingNummer);
        if (product.ReferentieAanbieder is { } referentie) writer.Value("ReferentieAanbieder", referentie);
        BasisschemaTypes.WriteProduct(writer, product.ProductCategorie, product.ProductCode, $"Allocation {product.ToewijzingNummer}");
        writer.Value("Toewijzingsdatum", product.Toewijzingsdatum);
        writer.Value("Toewijzingstijd", product.Toewijzingstijd);
        writer.Value("Ingangsdatum", product.Ingangsdatum);
        if (product.Einddatum is { } einddatum) writer.Value("Einddatum", einddatum);
        if (product.RedenWijziging is { } reden) writer.Value("RedenWijziging", reden);
        BasisschemaTypes.WriteOmvang(writer, product.Omvang);
        if (product.BudgetCents is { } budget) writer.Value("Budget", budget);
    }
}

/// <summary>JW301 Toewijzing Jeugdhulp (BerichtCode 436), municipality → provider.</summary>
internal sealed class Jw301Format() : Toewijzing301Format(Standard.IJw, retour: false);

/// <summary>JW302 retour on a JW301 (BerichtCode 437), provider → municipality.</summary>
internal sealed class Jw302Format() : Toewijzing301Format(Standard.IJw, retour: true);

/// <summary>WMO301 Toewijzing Wmo-ondersteuning (BerichtCode 414), municipality → provider.</summary>
internal sealed class Wmo301Format() : Toewijzing301Format(Standard.IWmo, retour: false);

/// <summary>WMO302 retour on a WMO301 (BerichtCode 415), provider → municipality.</summary>
internal sealed class Wmo302Format() : Toewijzing301Format(Standard.IWmo, retour: true);
