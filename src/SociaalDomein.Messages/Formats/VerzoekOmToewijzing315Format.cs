using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// The 315 Verzoek om toewijzing and its retour 316, for iJw and iWmo: one Client with the requested products.
/// iJw has GezagsdragerBekend on the client, iWmo does not.
/// </summary>
internal abstract class VerzoekOmToewijzing315Format : MessageFormat
{
    private readonly ElementSequence _root;
    private readonly ElementSequence _client;
    private readonly ElementSequence _producten = new(OneOrMore("AangevraagdProduct"));
    private readonly ElementSequence _product;

    protected VerzoekOmToewijzing315Format(Standard standard, bool retour)
        : base(standard, retour ? MessageType.VerzoekOmToewijzingRetour316 : MessageType.VerzoekOmToewijzing315, sentByMunicipality: retour, retour, Release.Current3x)
    {
        _root = new(Required("Header"), retour ? Optional("Client") : Required("Client"));
        ElementSlot[] client = standard == Standard.IJw
            ? [Required("Bsn"), Required("Geboortedatum"), Required("Geslacht"), Required("Naam"), Optional("GezagsdragerBekend"), Optional("Commentaar"), Required("AangevraagdeProducten")]
            : [Required("Bsn"), Required("Geboortedatum"), Required("Geslacht"), Required("Naam"), Optional("Commentaar"), Required("AangevraagdeProducten")];
        _client = ElementSequence.Class(retour, client);
        _product = ElementSequence.Class(retour,
            Required("ReferentieAanbieder"),
            Optional("BeschikkingNummer"),
            Optional("Product"),
            Optional("BeschikkingIngangsdatum"),
            Required("ToewijzingIngangsdatum"),
            Optional("ToewijzingEinddatum"),
            Optional("Omvang"),
            Optional("Budget"),
            Required("Verwijzer"),
            Optional("Raamcontract"),
            Optional("Commentaar"));
    }

    public override ElementSequence RootChildren => _root;

    public override IstdMessage Read(MessageCursor cursor, FormatBinding binding)
    {
        var (header, retour) = ReadHeader(cursor, binding);
        var map = NewMap();
        VerzoekOmToewijzingClient? client = null;
        if (cursor.Begin("Client", _client))
        {
            var read = ReadClientWithProducts(cursor, map, "AangevraagdeProducten", _producten, _product, ReadProduct,
                readExtra: Standard == Standard.IJw ? c => c.Code("GezagsdragerBekend", CodeLists.JaNee) : null);
            cursor.End();
            client = new VerzoekOmToewijzingClient(read.Bsn, read.Geboortedatum, read.Extra, read.Products);
        }
        return IsRetour
            ? new VerzoekOmToewijzingRetourMessage(Standard, header, retour!, ToMap(map), client)
            : new VerzoekOmToewijzingMessage(Standard, header, client ?? new VerzoekOmToewijzingClient(default, default, null, []));
    }

    private AangevraagdProduct ReadProduct(MessageCursor cursor)
    {
        var referentie = cursor.Text("ReferentieAanbieder", 1, 20);
        var beschikking = BasisschemaTypes.ReadToewijzingNummer(cursor, "BeschikkingNummer");
        var (categorie, code) = BasisschemaTypes.ReadProduct(cursor, CodeLists);
        var beschikkingIngangsdatum = cursor.Date("BeschikkingIngangsdatum");
        var ingangsdatum = cursor.Date("ToewijzingIngangsdatum");
        var einddatum = cursor.Date("ToewijzingEinddatum");
        var omvang = BasisschemaTypes.ReadOmvang(cursor, CodeLists);
        var budget = BasisschemaTypes.ReadCents(cursor, "Budget");
        var verwijzer = ReadVerwijzer(cursor);
        var raamcontract = cursor.Code("Raamcontract", CodeLists.JaNee);
        return new AangevraagdProduct(referentie ?? "", beschikking, categorie, code, beschikkingIngangsdatum, ingangsdatum ?? default,
            einddatum, omvang, budget, verwijzer, raamcontract);
    }

    private Verwijzer ReadVerwijzer(MessageCursor cursor)
    {
        if (!cursor.Begin("Verwijzer", BasisschemaTypes.Verwijzer)) return new Verwijzer("", null);
        var type = CodeLists.VerwijzerType is { } list
            ? cursor.Code("Type", list)
            : cursor.Digits("Type", 2, "a 2-digit referrer type, e.g. 02");
        // Naam is the referrer's name: checked for presence and order, not kept.
        var zorgverlener = cursor.Digits("ZorgverlenerCode", 8, CodeDescriptions.Agb);
        cursor.End();
        return new Verwijzer(type ?? "", zorgverlener);
    }

    public override void Write(MessageXmlWriter writer, IstdMessage message)
    {
        var (client, retour, map) = message switch
        {
            VerzoekOmToewijzingRetourMessage r => (r.Client, r.Retour, r.RetourCodes),
            VerzoekOmToewijzingMessage m => (m.Client, (RetourHeader?)null, (RetourCodeMap?)null),
            _ => throw new ArgumentException($"{message.GetType().Name} is not a 315/316.", nameof(message)),
        };
        WriteHeader(writer, message.Header, retour);
        if (client is null) return;
        WriteClientWithProducts(writer, client.Bsn, client.Geboortedatum, "AangevraagdeProducten", _producten, client.Producten, (product, i) =>
        {
            writer.Value("ReferentieAanbieder", product.ReferentieAanbieder);
            if (product.BeschikkingNummer is { } beschikking) writer.Value("BeschikkingNummer", beschikking);
            BasisschemaTypes.WriteProduct(writer, product.ProductCategorie, product.ProductCode, $"AangevraagdProduct {i + 1}");
            if (product.BeschikkingIngangsdatum is { } beschikkingIngangsdatum) writer.Value("BeschikkingIngangsdatum", beschikkingIngangsdatum);
            writer.Value("ToewijzingIngangsdatum", product.ToewijzingIngangsdatum);
            if (product.ToewijzingEinddatum is { } einddatum) writer.Value("ToewijzingEinddatum", einddatum);
            BasisschemaTypes.WriteOmvang(writer, product.Omvang);
            if (product.BudgetCents is { } budget) writer.Value("Budget", budget);
            writer.Start("Verwijzer");
            writer.BasisValue("Type", product.Verwijzer.Type);
            if (product.Verwijzer.ZorgverlenerCode is { } zorgverlener) writer.BasisValue("ZorgverlenerCode", zorgverlener);
            writer.End();
            if (product.Raamcontract is { } raamcontract) writer.Value("Raamcontract", raamcontract);
        }, map, writeBeforeProducts: () =>
        {
            if (client.GezagsdragerBekend is not { } gezagsdrager) return;
            if (Standard != Standard.IJw) throw new ArgumentException("GezagsdragerBekend exists only in iJw.", nameof(message));
            writer.Value("GezagsdragerBekend", gezagsdrager);
        });
    }
}

/// <summary>JW315 Verzoek om toewijzing Jeugdhulp (BerichtCode 446), provider → municipality.</summary>
internal sealed class Jw315Format() : VerzoekOmToewijzing315Format(Standard.IJw, retour: false);

/// <summary>JW316 retour on a JW315 (BerichtCode 447), municipality → provider.</summary>
internal sealed class Jw316Format() : VerzoekOmToewijzing315Format(Standard.IJw, retour: true);

/// <summary>WMO315 Verzoek om toewijzing Wmo-ondersteuning (BerichtCode 444), provider → municipality.</summary>
internal sealed class Wmo315Format() : VerzoekOmToewijzing315Format(Standard.IWmo, retour: false);

/// <summary>WMO316 retour on a WMO315 (BerichtCode 445), municipality → provider.</summary>
internal sealed class Wmo316Format() : VerzoekOmToewijzing315Format(Standard.IWmo, retour: true);
