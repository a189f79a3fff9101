using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// The legacy 303 Declaratie/factuur (303D and 303F, told apart by BerichtCode) and its retour 304, releases 2.0–2.4, for
/// iJw and iWmo. Backoffices still hold and replay these.
/// </summary>
/// <remarks>
/// What is verified: the 2.x namespace form (…/iwmo/2_1/wmo302/schema/2_1, from the published 2.1 XSDs), the copied-header
/// retour form of 2.x (BerichtIdentificatie of the original, IdentificatieRetour, DagtekeningRetour, RetourCodes), and —
/// from public conversion tooling — that the 303 header holds DeclaratieFactuurBedragen/DeclaratieFactuurTotaalBedrag
/// {TotaalBedrag, DebetCredit} before XsdVersie, that a prestatie holds IngediendeBedragPrestatie/DeclaratieFactuurBedrag
/// {Bedrag, DebetCredit}, and that the 304 adds RetourBedragen/IngediendTotaalBedrag to the header and
/// ToegekendeBedragPrestatie to a prestatie.
/// What is not verified (no 2.x 303 XSD was found): the other element names and their order. They are modelled on the
/// 3.2 declaration (DeclaratieFactuurNummer, DeclaratieFactuurPeriode, DeclaratieFactuurDagtekening in the header;
/// Clienten/Client/Prestaties/Prestatie with the 323's prestatie elements). The 2.x code lists differ from 3.2 and were
/// not found either, so ProductCategorie and Eenheid are checked for their 2-digit form only.
/// </remarks>
internal abstract class DeclaratieFactuur303Format : MessageFormat
{
    private readonly ElementSequence _root;
    private readonly ElementSequence _header;
    private readonly ElementSequence _bedragen = new(BasisRequired("DeclaratieFactuurTotaalBedrag"));
    private readonly ElementSequence _retourBedragen = new(BasisRequired("IngediendTotaalBedrag"), BasisOptional("ToegekendTotaalBedrag"));
    private readonly ElementSequence _clienten = new(OneOrMore("Client"));
    private readonly ElementSequence _client;
    private readonly ElementSequence _prestaties = new(OneOrMore("Prestatie"));
    private readonly ElementSequence _prestatie;
    private readonly ElementSequence _prestatieBedrag = new(BasisRequired("DeclaratieFactuurBedrag"));

    protected DeclaratieFactuur303Format(Standard standard, bool retour)
        : base(standard, retour ? MessageType.DeclaratieFactuurRetour304 : MessageType.DeclaratieFactuur303, sentByMunicipality: retour, retour, Release.Legacy2x)
    {
        _root = new(Required("Header"), retour ? Optional("Clienten") : Required("Clienten"));
        ElementSlot[] header =
        [
            .. MessageHeaderFormat.IdentitySlots, Required("DeclaratieFactuurNummer"), Required("DeclaratieFactuurPeriode"),
            Required("DeclaratieFactuurDagtekening"), Required("DeclaratieFactuurBedragen"), Optional("XsdVersie"),
        ];
        _header = retour
            ? new([.. header, Required("IdentificatieRetour"), Required("DagtekeningRetour"), Optional("XsltVersie"), Optional("XsdVersieRetour"),
                Optional("RetourBedragen"), Optional("RetourCodes")])
            : new(header);
        _client = ElementSequence.Class(retour, Required("Bsn"), Required("Prestaties"));
        _prestatie = retour
            ? new([.. Declaratie323Format.PrestatieSlots[..^1], Required("IngediendeBedragPrestatie"), Optional("ToegekendeBedragPrestatie"), Required("RetourCodes")])
            : new([.. Declaratie323Format.PrestatieSlots[..^1], Required("IngediendeBedragPrestatie")]);
    }

    public override ElementSequence RootChildren => _root;

    public override IstdMessage Read(MessageCursor cursor, FormatBinding binding)
    {
        var header = MessageHeaderFormat.Empty;
        RetourHeader? retour = null;
        string? nummer = null;
        DateOnly? begin = null, einde = null, dagtekening = null;
        long? totaal = null, toegekendTotaal = null;
        if (cursor.Begin("Header", _header))
        {
            var start = MessageHeaderFormat.ReadStart(cursor, binding);
            nummer = cursor.Text("DeclaratieFactuurNummer", 1, 12);
            (begin, einde) = BasisschemaTypes.ReadPeriode(cursor, "DeclaratieFactuurPeriode");
            dagtekening = cursor.Date("DeclaratieFactuurDagtekening");
            if (cursor.Begin("DeclaratieFactuurBedragen", _bedragen))
            {
                totaal = BasisschemaTypes.ReadTotaalBedrag(cursor, "DeclaratieFactuurTotaalBedrag");
                cursor.End();
            }
            var xsd = MessageHeaderFormat.ReadXsdVersie(cursor, "XsdVersie");
            if (IsRetour)
            {
                var identificatie = cursor.Text("IdentificatieRetour", 1, 12);
                var dagtekeningRetour = cursor.Date("DagtekeningRetour");
                var xslt = cursor.Text("XsltVersie", 1, 20);
                var xsdRetour = MessageHeaderFormat.ReadXsdVersie(cursor, "XsdVersieRetour");
                if (cursor.Begin("RetourBedragen", _retourBedragen))
                {
                    BasisschemaTypes.ReadTotaalBedrag(cursor, "IngediendTotaalBedrag");
                    toegekendTotaal = BasisschemaTypes.ReadTotaalBedrag(cursor, "ToegekendTotaalBedrag");
                    cursor.End();
                }
                retour = new RetourHeader(identificatie ?? "", dagtekeningRetour ?? default, xslt, xsdRetour, cursor.RetourCodes());
            }
            cursor.End();
            header = start.Complete(xsd);
        }

        var map = NewMap();
        var toegekend = new Dictionary<string, long>(StringComparer.Ordinal);
        var clients = new List<DeclaratieClient>();
        if (cursor.Begin("Clienten", _clienten))
        {
            while (cursor.Begin("Client", _client))
            {
                var bsn = cursor.Bsn("Bsn");
                var prestaties = new List<Prestatie>();
                if (cursor.Begin("Prestaties", _prestaties))
                {
                    while (cursor.Begin("Prestatie", _prestatie))
                    {
                        var prestatie = ReadPrestatie(cursor, out var toegekendBedrag);
                        prestaties.Add(prestatie);
                        if (toegekendBedrag is { } awarded) toegekend[prestatie.ReferentieNummer] = awarded;
                        ReadRetourCodes(cursor, map);
                        cursor.End();
                    }
                    cursor.End();
                }
                ReadRetourCodes(cursor, map);
                cursor.End();
                clients.Add(new DeclaratieClient(bsn ?? default, prestaties));
            }
            cursor.End();
        }

        var declaratie = new DeclaratieFactuur(nummer ?? "", begin ?? default, einde ?? default, dagtekening ?? default, totaal ?? 0, clients);
        return IsRetour
            ? new DeclaratieFactuurRetourMessage(Standard, header, retour!, ToMap(map), declaratie, toegekendTotaal, toegekend)
            : new DeclaratieFactuurMessage(Standard, header, declaratie);
    }

    private Prestatie ReadPrestatie(MessageCursor cursor, out long? toegekend)
    {
        // The 2.x code lists were not found: categories and units are checked for their 2-digit form only.
        var line = Declaratie323Format.ReadLine(cursor, categories: null, units: null);
        var (bedrag, sign) = ReadPrestatieBedrag(cursor, "IngediendeBedragPrestatie");
        toegekend = null;
        if (IsRetour)
        {
            var (awarded, awardedSign) = ReadPrestatieBedrag(cursor, "ToegekendeBedragPrestatie");
            if (awarded is { } value) toegekend = awardedSign == DebetCredit.Credit ? -value : value;
        }
        return line.ToPrestatie(bedrag, sign);
    }

    private (long? Bedrag, DebetCredit? Sign) ReadPrestatieBedrag(MessageCursor cursor, string name)
    {
        if (!cursor.Begin(name, _prestatieBedrag)) return (null, null);
        var result = BasisschemaTypes.ReadBedrag(cursor, "DeclaratieFactuurBedrag");
        cursor.End();
        return result;
    }

    public override void Write(MessageXmlWriter writer, IstdMessage message)
    {
        var (declaratie, retour, map, toegekendTotaal, toegekend) = message switch
        {
            DeclaratieFactuurRetourMessage r => (r.Declaratie, r.Retour, r.RetourCodes, r.TotaalToegekendBedragCents, r.ToegekendBedragen),
            DeclaratieFactuurMessage m => (m.Declaratie, (RetourHeader?)null, (RetourCodeMap?)null, (long?)null, (IReadOnlyDictionary<string, long>?)null),
            _ => throw new ArgumentException($"{message.GetType().Name} is not a 303/304.", nameof(message)),
        };
        writer.Start("Header");
        MessageHeaderFormat.WriteStart(writer, message.Header);
        writer.Value("DeclaratieFactuurNummer", declaratie.DeclaratieFactuurNummer);
        BasisschemaTypes.WritePeriode(writer, "DeclaratieFactuurPeriode", declaratie.PeriodeBegin, declaratie.PeriodeEinde);
        writer.Value("DeclaratieFactuurDagtekening", declaratie.Dagtekening);
        writer.Start("DeclaratieFactuurBedragen");
        WriteBasisTotaal(writer, "DeclaratieFactuurTotaalBedrag", declaratie.TotaalBedragCents);
        writer.End();
        if (message.Header.BasisschemaXsdVersie.Length > 0 || message.Header.BerichtXsdVersie.Length > 0)
        {
            MessageHeaderFormat.WriteXsdVersie(writer, "XsdVersie", message.Header);
        }
        if (retour is not null)
        {
            writer.Value("IdentificatieRetour", retour.IdentificatieRetour);
            writer.Value("DagtekeningRetour", retour.DagtekeningRetour);
            if (retour.XsltVersie is { } xslt) writer.Value("XsltVersie", xslt);
            if (retour.XsdVersieRetour is { } xsd) MessageHeaderFormat.WriteXsdVersie(writer, "XsdVersieRetour", xsd);
            if (toegekendTotaal is { } awarded)
            {
                writer.Start("RetourBedragen");
                WriteBasisTotaal(writer, "IngediendTotaalBedrag", declaratie.TotaalBedragCents);
                WriteBasisTotaal(writer, "ToegekendTotaalBedrag", awarded);
                writer.End();
            }
            if (retour.RetourCodes.Count > 0) writer.RetourCodes(retour.RetourCodes);
        }
        writer.End();

        if (declaratie.Clients.Count == 0 && IsRetour) return;
        writer.Start("Clienten");
        for (var c = 0; c < declaratie.Clients.Count; c++)
        {
            var client = declaratie.Clients[c];
            var clientPath = $"/Bericht/Clienten/Client[{Invariant(c + 1)}]";
            writer.Start("Client");
            writer.Value("Bsn", client.Bsn.RevealForPseudonymisation());
            writer.Start("Prestaties");
            for (var p = 0; p < client.Prestaties.Count; p++)
            {
                var prestatie = client.Prestaties[p];
                writer.Start("Prestatie");
                Declaratie323Format.WriteLine(writer, prestatie);
                writer.Start("IngediendeBedragPrestatie");
                BasisschemaTypes.WriteBedrag(writer, "DeclaratieFactuurBedrag", prestatie.IngediendBedragCents, prestatie.DebetCredit, inBasisschema: true);
                writer.End();
                if (toegekend is not null && toegekend.TryGetValue(prestatie.ReferentieNummer, out var awarded))
                {
                    writer.Start("ToegekendeBedragPrestatie");
                    BasisschemaTypes.WriteBedrag(writer, "DeclaratieFactuurBedrag", Math.Abs(awarded), awarded < 0 ? DebetCredit.Credit : DebetCredit.Debet, inBasisschema: true);
                    writer.End();
                }
                WriteRetourCodes(writer, map, $"{clientPath}/Prestaties/Prestatie[{Invariant(p + 1)}]");
                writer.End();
            }
            writer.End();
            WriteRetourCodes(writer, map, clientPath);
            writer.End();
        }
        writer.End();
    }

    /// <summary>A total in the basisschema namespace (DeclaratieFactuurTotaalBedrag and the RetourBedragen children).</summary>
    private static void WriteBasisTotaal(MessageXmlWriter writer, string name, long signedCents)
    {
        writer.StartBasis(name);
        writer.BasisValue("TotaalBedrag", Math.Abs(signedCents));
        writer.BasisValue("DebetCredit", signedCents < 0 ? "C" : "D");
        writer.End();
    }
}

/// <summary>JW303 Declaratie/factuur Jeugdhulp, 2.x (BerichtCode 432 declaratie, 450 factuur), provider → municipality.</summary>
internal sealed class Jw303Format() : DeclaratieFactuur303Format(Standard.IJw, retour: false);

/// <summary>JW304 retour on a JW303, 2.x (BerichtCode 433 / 451), municipality → provider.</summary>
internal sealed class Jw304Format() : DeclaratieFactuur303Format(Standard.IJw, retour: true);

/// <summary>WMO303 Declaratie/factuur Wmo-ondersteuning, 2.x (BerichtCode 416 declaratie, 448 factuur), provider → municipality.</summary>
internal sealed class Wmo303Format() : DeclaratieFactuur303Format(Standard.IWmo, retour: false);

/// <summary>WMO304 retour on a WMO303, 2.x (BerichtCode 417 / 449), municipality → provider.</summary>
internal sealed class Wmo304Format() : DeclaratieFactuur303Format(Standard.IWmo, retour: true);
