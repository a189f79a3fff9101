using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// The 317 Verzoek om wijziging and its retour 318, for iJw and iWmo: Client {Bsn, Verzoek} with the unchanged, changed
/// and new products.
/// </summary>
internal abstract class VerzoekOmWijziging317Format : MessageFormat
{
    private readonly ElementSequence _root;
    private readonly ElementSequence _client;
    private readonly ElementSequence _verzoek;
    private readonly ElementSequence _ongewijzigd = new(OneOrMore("OngewijzigdProduct"));
    private readonly ElementSequence _ongewijzigdProduct;
    private readonly ElementSequence _teWijzigen = new(OneOrMore("TeWijzigenProduct"));
    private readonly ElementSequence _teWijzigenProduct;
    private readonly ElementSequence _nieuw = new(OneOrMore("NieuwProduct"));
    private readonly ElementSequence _nieuwProduct;

    protected VerzoekOmWijziging317Format(Standard standard, bool retour)
        : base(standard, retour ? MessageType.VerzoekOmWijzigingRetour318 : MessageType.VerzoekOmWijziging317, sentByMunicipality: retour, retour, Release.Current3x)
    {
        _root = new(Required("Header"), retour ? Optional("Client") : Required("Client"));
        _client = ElementSequence.Class(retour, Required("Bsn"), Required("Verzoek"));
        _verzoek = ElementSequence.Class(retour,
            Required("ReferentieAanbieder"),
            Required("RedenVerzoek"),
            Optional("OngewijzigdeProducten"),
            Optional("TeWijzigenProducten"),
            Optional("NieuweProducten"));
        _ongewijzigdProduct = ElementSequence.Class(retour, Required("ToewijzingNummer"));
        _teWijzigenProduct = ElementSequence.Class(retour,
            Required("ToewijzingNummer"), Required("GewensteIngangsdatum"), Optional("Einddatum"), Optional("Omvang"), Optional("Budget"));
        _nieuwProduct = ElementSequence.Class(retour,
            Optional("Product"), Required("GewensteIngangsdatum"), Optional("Einddatum"), Optional("Omvang"), Optional("Budget"));
    }

    public override ElementSequence RootChildren => _root;

    public override IstdMessage Read(MessageCursor cursor, FormatBinding binding)
    {
        var (header, retour) = ReadHeader(cursor, binding);
        var map = NewMap();
        VerzoekOmWijziging? verzoek = null;
        if (cursor.Begin("Client", _client))
        {
            var bsn = cursor.Bsn("Bsn");
            if (cursor.Begin("Verzoek", _verzoek))
            {
                verzoek = ReadVerzoek(cursor, bsn ?? default, map);
                ReadRetourCodes(cursor, map);
                cursor.End();
            }
            ReadRetourCodes(cursor, map);
            cursor.End();
            verzoek ??= new VerzoekOmWijziging(bsn ?? default, "", "", [], [], []);
        }
        return IsRetour
            ? new VerzoekOmWijzigingRetourMessage(Standard, header, retour!, ToMap(map), verzoek)
            : new VerzoekOmWijzigingMessage(Standard, header, verzoek ?? new VerzoekOmWijziging(default, "", "", [], [], []));
    }

    private VerzoekOmWijziging ReadVerzoek(MessageCursor cursor, Bsn bsn, List<KeyValuePair<string, IReadOnlyList<string>>>? map)
    {
        var referentie = cursor.Text("ReferentieAanbieder", 1, 20);
        var reden = cursor.Code("RedenVerzoek", CodeLists.RedenVerzoek);
        var ongewijzigd = new List<long>();
        if (cursor.Begin("OngewijzigdeProducten", _ongewijzigd))
        {
            while (cursor.Begin("OngewijzigdProduct", _ongewijzigdProduct))
            {
                ongewijzigd.Add(BasisschemaTypes.ReadToewijzingNummer(cursor) ?? 0);
                ReadRetourCodes(cursor, map);
                cursor.End();
            }
            cursor.End();
        }
        var teWijzigen = new List<TeWijzigenProduct>();
        if (cursor.Begin("TeWijzigenProducten", _teWijzigen))
        {
            while (cursor.Begin("TeWijzigenProduct", _teWijzigenProduct))
            {
                var nummer = BasisschemaTypes.ReadToewijzingNummer(cursor);
                var ingangsdatum = cursor.Date("GewensteIngangsdatum");
                var einddatum = cursor.Date("Einddatum");
                var omvang = BasisschemaTypes.ReadOmvang(cursor, CodeLists);
                var budget = BasisschemaTypes.ReadCents(cursor, "Budget");
                teWijzigen.Add(new TeWijzigenProduct(nummer ?? 0, ingangsdatum ?? default, einddatum, omvang, budget));
                ReadRetourCodes(cursor, map);
                cursor.End();
            }
            cursor.End();
        }
        var nieuw = new List<NieuwProduct>();
        if (cursor.Begin("NieuweProducten", _nieuw))
        {
            while (cursor.Begin("NieuwProduct", _nieuwProduct))
            {
                var (categorie, code) = BasisschemaTypes.ReadProduct(cursor, CodeLists);
                var ingangsdatum = cursor.Date("GewensteIngangsdatum");
                var einddatum = cursor.Date("Einddatum");
                var omvang = BasisschemaTypes.ReadOmvang(cursor, CodeLists);
                var budget = BasisschemaTypes.ReadCents(cursor, "Budget");
                nieuw.Add(new NieuwProduct(categorie, code, ingangsdatum ?? default, einddatum, omvang, budget));
                ReadRetourCodes(cursor, map);
                cursor.End();
            }
            cursor.End();
        }
        return new VerzoekOmWijziging(bsn, referentie ?? "", reden ?? "", ongewijzigd, teWijzigen, nieuw);
    }

    public override void Write(MessageXmlWriter writer, IstdMessage message)
    {
        var (verzoek, retour, map) = message switch
        {
            VerzoekOmWijzigingRetourMessage r => (r.Verzoek, r.Retour, r.RetourCodes),
            VerzoekOmWijzigingMessage m => (m.Verzoek, (RetourHeader?)null, (RetourCodeMap?)null),
            _ => throw new ArgumentException($"{message.GetType().Name} is not a 317/318.", nameof(message)),
        };
        WriteHeader(writer, message.Header, retour);
        if (verzoek is null) return;
        const string verzoekPath = "/Bericht/Client/Verzoek";
        writer.Start("Client");
        writer.Value("Bsn", verzoek.Bsn.RevealForPseudonymisation());
        writer.Start("Verzoek");
        writer.Value("ReferentieAanbieder", verzoek.ReferentieAanbieder);
        writer.Value("RedenVerzoek", verzoek.RedenVerzoek);
        if (verzoek.OngewijzigdeProducten.Count > 0)
        {
            writer.Start("OngewijzigdeProducten");
            for (var i = 0; i < verzoek.OngewijzigdeProducten.Count; i++)
            {
                writer.Start("OngewijzigdProduct");
                writer.Value("ToewijzingNummer", verzoek.OngewijzigdeProducten[i]);
                WriteRetourCodes(writer, map, $"{verzoekPath}/OngewijzigdeProducten/OngewijzigdProduct[{Invariant(i + 1)}]");
                writer.End();
            }
            writer.End();
        }
        if (verzoek.TeWijzigenProducten.Count > 0)
        {
            writer.Start("TeWijzigenProducten");
            for (var i = 0; i < verzoek.TeWijzigenProducten.Count; i++)
            {
                var product = verzoek.TeWijzigenProducten[i];
                writer.Start("TeWijzigenProduct");
                writer.Value("ToewijzingNummer", product.ToewijzingNummer);
                writer.Value("GewensteIngangsdatum", product.GewensteIngangsdatum);
                if (product.Einddatum is { } einddatum) writer.Value("Einddatum", einddatum);
                BasisschemaTypes.WriteOmvang(writer, product.Omvang);
                if (product.BudgetCents is { } budget) writer.Value("Budget", budget);
                WriteRetourCodes(writer, map, $"{verzoekPath}/TeWijzigenProducten/TeWijzigenProduct[{Invariant(i + 1)}]");
                writer.End();
            }
            writer.End();
        }
        if (verzoek.NieuweProducten.Count > 0)
        {
            writer.Start("NieuweProducten");
            for (var i = 0; i < verzoek.NieuweProducten.Count; i++)
            {
                var product = verzoek.NieuweProducten[i];
                writer.Start("NieuwProduct");
                BasisschemaTypes.WriteProduct(writer, product.ProductCategorie, product.ProductCode, $"NieuwProduct {i + 1}");
                writer.Value("GewensteIngangsdatum", product.GewensteIngangsdatum);
                if (product.Einddatum is { } einddatum) writer.Value("Einddatum", einddatum);
                BasisschemaTypes.WriteOmvang(writer, product.Omvang);
                if (product.BudgetCents is { } budget) writer.Value("Budget", budget);
                WriteRetourCodes(writer, map, $"{verzoekPath}/NieuweProducten/NieuwProduct[{Invariant(i + 1)}]");
                writer.End();
            }
            writer.End();
        }
        WriteRetourCodes(writer, map, verzoekPath);
        writer.End();
        WriteRetourCodes(writer, map, "/Bericht/Client");
        writer.End();
    }
}

/// <summary>JW317 Verzoek om wijziging Jeugdhulp (BerichtCode 486), provider → municipality.</summary>
internal sealed class Jw317Format() : VerzoekOmWijziging317Format(Standard.IJw, retour: false);

/// <summary>JW318 retour on a JW317 (BerichtCode 487), municipality → provider.</summary>
internal sealed class Jw318Format() : VerzoekOmWijziging317Format(Standard.IJw, retour: true);

/// <summary>WMO317 Verzoek om wijziging Wmo-ondersteuning (BerichtCode 480), provider → municipality.</summary>
internal sealed class Wmo317Format() : VerzoekOmWijziging317Format(Standard.IWmo, retour: false);

/// <summary>WMO318 retour on a WMO317 (BerichtCode 481), municipality → provider.</summary>
internal sealed class Wmo318Format() : VerzoekOmWijziging317Format(Standard.IWmo, retour: true);
