using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>The 307 Stop zorg and its retour 308, for iJw and iWmo: one Client with the products whose delivery stopped.</summary>
internal abstract class StopZorg307Format : MessageFormat
{
    private readonly ElementSequence _root;
    private readonly ElementSequence _client;
    private readonly ElementSequence _producten = new(OneOrMore("StopProduct"));
    private readonly ElementSequence _product;

    protected StopZorg307Format(Standard standard, bool retour)
        : base(standard, retour ? MessageType.StopZorgRetour308 : MessageType.StopZorg307, sentByMunicipality: retour, retour, Release.Current3x)
    {
        _root = new(Required("Header"), retour ? Optional("Client") : Required("Client"));
        _client = ElementSequence.Class(retour,
            Required("Bsn"), Required("Geboortedatum"), Required("Geslacht"), Required("Naam"), Required("StopProducten"));
        _product = ElementSequence.Class(retour,
            Optional("ToewijzingNummer"),
            Optional("Product"),
            Optional("ToewijzingIngangsdatum"),
            Required("Begindatum"),
            Required("RedenBeeindiging"),
            Required("Einddatum"),
            Required("StatusAanlevering"));
    }

    public override ElementSequence RootChildren => _root;

    public override IstdMessage Read(MessageCursor cursor, FormatBinding binding)
    {
        var (header, retour) = ReadHeader(cursor, binding);
        var map = NewMap();
        StopZorgClient? client = null;
        if (cursor.Begin("Client", _client))
        {
            var read = ReadClientWithProducts(cursor, map, "StopProducten", _producten, _product, ReadProduct);
            cursor.End();
            client = new StopZorgClient(read.Bsn, read.Geboortedatum, read.Products);
        }
        return IsRetour
            ? new StopZorgRetourMessage(Standard, header, retour!, ToMap(map), client)
            : new StopZorgMessage(Standard, header, client ?? new StopZorgClient(default, default, []));
    }

    private StopProduct ReadProduct(MessageCursor cursor)
    {
        var nummer = BasisschemaTypes.ReadToewijzingNummer(cursor);
        var (categorie, code) = BasisschemaTypes.ReadProduct(cursor, CodeLists);
        var ingangsdatum = cursor.Date("ToewijzingIngangsdatum");
        var begindatum = cursor.Date("Begindatum");
        var reden = cursor.Code("RedenBeeindiging", CodeLists.RedenBeeindiging);
        var einddatum = cursor.Date("Einddatum");
        var status = cursor.Code("StatusAanlevering", CodeLists.StatusAanlevering);
        return new StopProduct(nummer, categorie, code, ingangsdatum, begindatum ?? default, reden ?? "", einddatum ?? default, status ?? "");
    }

    public override void Write(MessageXmlWriter writer, IstdMessage message)
    {
        var (client, retour, map) = message switch
        {
            StopZorgRetourMessage r => (r.Client, r.Retour, r.RetourCodes),
            StopZorgMessage m => (m.Client, (RetourHeader?)null, (RetourCodeMap?)null),
            _ => throw new ArgumentException($"{message.GetType().Name} is not a 307/308.", nameof(message)),
        };
        WriteHeader(writer, message.Header, retour);
        if (client is null) return;
        WriteClientWithProducts(writer, client.Bsn, client.Geboortedatum, "StopProducten", _producten, client.Producten, (product, i) =>
        {
            if (product.ToewijzingNummer is { } nummer) writer.Value("ToewijzingNummer", nummer);
            BasisschemaTypes.WriteProduct(writer, product.ProductCategorie, product.ProductCode, $"StopProduct {i + 1}");
            if (product.ToewijzingIngangsdatum is { } ingangsdatum) writer.Value("ToewijzingIngangsdatum", ingangsdatum);
            writer.Value("Begindatum", product.Begindatum);
            writer.Value("RedenBeeindiging", product.RedenBeeindiging);
            writer.Value("Einddatum", product.Einddatum);
            writer.Value("StatusAanlevering", product.StatusAanlevering);
        }, map);
    }
}

/// <summary>JW307 Stop Jeugdhulp (BerichtCode 440), provider → municipality.</summary>
internal sealed class Jw307Format() : StopZorg307Format(Standard.IJw, retour: false);

/// <summary>JW308 retour on a JW307 (BerichtCode 441), municipality → provider.</summary>
internal sealed class Jw308Format() : StopZorg307Format(Standard.IJw, retour: true);

/// <summary>WMO307 Stop Wmo-ondersteuning (BerichtCode 420), provider → municipality.</summary>
internal sealed class Wmo307Format() : StopZorg307Format(Standard.IWmo, retour: false);

/// <summary>WMO308 retour on a WMO307 (BerichtCode 421), municipality → provider.</summary>
internal sealed class Wmo308Format() : StopZorg307Format(Standard.IWmo, retour: true);
