using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>The 305 Start zorg and its retour 306, for iJw and iWmo: one Client with the products whose delivery started.</summary>
internal abstract class StartZorg305Format : MessageFormat
{
    private readonly ElementSequence _root;
    private readonly ElementSequence _client;
    private readonly ElementSequence _producten = new(OneOrMore("StartProduct"));
    private readonly ElementSequence _product;

    protected StartZorg305Format(Standard standard, bool retour)
        : base(standard, retour ? MessageType.StartZorgRetour306 : MessageType.StartZorg305, sentByMunicipality: retour, retour, Release.Current3x)
    {
        _root = new(Required("Header"), retour ? Optional("Client") : Required("Client"));
        _client = ElementSequence.Class(retour,
            Required("Bsn"), Required("Geboortedatum"), Required("Geslacht"), Required("Naam"), Required("StartProducten"));
        _product = ElementSequence.Class(retour,
            Optional("ToewijzingNummer"),
            Optional("Product"),
            Optional("ToewijzingIngangsdatum"),
            Required("Begindatum"),
            Required("StatusAanlevering"));
    }

    public override ElementSequence RootChildren => _root;

    public override IstdMessage Read(MessageCursor cursor, FormatBinding binding)
    {
        var (header, retour) = ReadHeader(cursor, binding);
        var map = NewMap();
        StartZorgClient? client = null;
        if (cursor.Begin("Client", _client))
        {
            var read = ReadClientWithProducts(cursor, map, "StartProducten", _producten, _product, ReadProduct);
            cursor.End();
            client = new StartZorgClient(read.Bsn, read.Geboortedatum, read.Products);
        }
        return IsRetour
            ? new StartZorgRetourMessage(Standard, header, retour!, ToMap(map), client)
            : new StartZorgMessage(Standard, header, client ?? new StartZorgClient(default, default, []));
    }

    private StartProduct ReadProduct(MessageCursor cursor)
    {
        var nummer = BasisschemaTypes.ReadToewijzingNummer(cursor);
        var (categorie, code) = BasisschemaTypes.ReadProduct(cursor, CodeLists);
        var ingangsdatum = cursor.Date("ToewijzingIngangsdatum");
        var begindatum = cursor.Date("Begindatum");
        var status = cursor.Code("StatusAanlevering", CodeLists.StatusAanlevering);
        return new StartProduct(nummer, categorie, code, ingangsdatum, begindatum ?? default, status ?? "");
    }

    public override void Write(MessageXmlWriter writer, IstdMessage message)
    {
        var (client, retour, map) = message switch
        {
            StartZorgRetourMessage r => (r.Client, r.Retour, r.RetourCodes),
            StartZorgMessage m => (m.Client, (RetourHeader?)null, (RetourCodeMap?)null),
            _ => throw new ArgumentException($"{message.GetType().Name} is not a 305/306.", nameof(message)),
        };
        WriteHeader(writer, message.Header, retour);
        if (client is null) return;
        WriteClientWithProducts(writer, client.Bsn, client.Geboortedatum, "StartProducten", _producten, client.Producten, (product, i) =>
        {
            if (product.ToewijzingNummer is { } nummer) writer.Value("ToewijzingNummer", nummer);
            BasisschemaTypes.WriteProduct(writer, product.ProductCategorie, product.ProductCode, $"StartProduct {i + 1}");
            if (product.ToewijzingIngangsdatum is { } ingangsdatum) writer.Value("ToewijzingIngangsdatum", ingangsdatum);
            writer.Value("Begindatum", product.Begindatum);
            writer.Value("StatusAanlevering", product.StatusAanlevering);
        }, map);
    }
}

/// <summary>JW305 Start Jeugdhulp (BerichtCode 438), provider → municipality.</summary>
internal sealed class Jw305Format() : StartZorg305Format(Standard.IJw, retour: false);

/// <summary>JW306 retour on a JW305 (BerichtCode 439), municipality → provider.</summary>
internal sealed class Jw306Format() : StartZorg305Format(Standard.IJw, retour: true);

/// <summary>WMO305 Start Wmo-ondersteuning (BerichtCode 418), provider → municipality.</summary>
internal sealed class Wmo305Format() : StartZorg305Format(Standard.IWmo, retour: false);

/// <summary>WMO306 retour on a WMO305 (BerichtCode 419), municipality → provider.</summary>
internal sealed class Wmo306Format() : StartZorg305Format(Standard.IWmo, retour: true);
