using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// The 325 Declaratie-antwoord, for iJw and iWmo. Unlike the other retours it has its own header identity and names the
/// 323 it answers in DeclaratieIdentificatie; its body lists only the rejected prestaties.
/// </summary>
internal abstract class DeclaratieAntwoord325Format(Standard standard)
    : MessageFormat(standard, MessageType.DeclaratieAntwoord325, sentByMunicipality: true, isRetour: false, Release.Current3x)
{
    private static readonly ElementSequence Root = new(Required("Header"), Optional("DeclaratieAntwoord"));

    private static readonly ElementSequence Header = new(
    [
        .. MessageHeaderFormat.IdentitySlots,
        Required("XsdVersie"),
        Required("DeclaratieIdentificatie"),
        Optional("XsltVersie"),
        Required("XsdVersieDeclaratie"),
        Required("RetourCodes"),
    ]);

    private static readonly ElementSequence Antwoord = new(
        Required("DeclaratieNummer"),
        Required("TotaalIngediendBedrag"),
        Required("TotaalToegekendBedrag"),
        Optional("Clienten"),
        Required("RetourCodes"));

    private static readonly ElementSequence Clienten = new(OneOrMore("Client"));

    private static readonly ElementSequence Client = new(Required("Bsn"), Required("Prestaties"), Required("RetourCodes"));

    private static readonly ElementSequence Prestaties = new(OneOrMore("Prestatie"));

    private static readonly ElementSequence Prestatie = ElementSequence.Class(retour: true, Declaratie323Format.PrestatieSlots);

    public override ElementSequence RootChildren => Root;

    public override IstdMessage Read(MessageCursor cursor, FormatBinding binding)
    {
        MessageHeader header = MessageHeaderFormat.Empty;
        MessageIdentity? declaratie = null;
        XsdVersie? xsdDeclaratie = null;
        string? xslt = null;
        IReadOnlyList<string> headerCodes = [];
        if (cursor.Begin("Header", Header))
        {
            var start = MessageHeaderFormat.ReadStart(cursor, binding);
            var xsd = MessageHeaderFormat.ReadXsdVersie(cursor, "XsdVersie");
            declaratie = MessageHeaderFormat.ReadIdentity(cursor, "DeclaratieIdentificatie");
            xslt = cursor.Text("XsltVersie", 1, 20);
            xsdDeclaratie = MessageHeaderFormat.ReadXsdVersie(cursor, "XsdVersieDeclaratie");
            headerCodes = cursor.RetourCodes();
            cursor.End();
            header = start.Complete(xsd);
        }
        DeclaratieAntwoord? antwoord = null;
        if (cursor.Begin("DeclaratieAntwoord", Antwoord))
        {
            var nummer = cursor.AlphaNumeric("DeclaratieNummer", 1, 12, CodeDescriptions.DeclaratieNummer);
            var ingediend = BasisschemaTypes.ReadTotaalBedrag(cursor, "TotaalIngediendBedrag");
            var toegekend = BasisschemaTypes.ReadTotaalBedrag(cursor, "TotaalToegekendBedrag");
            var clients = new List<DeclaratieAntwoordClient>();
            if (cursor.Begin("Clienten", Clienten))
            {
                while (cursor.Begin("Client", Client))
                {
                    clients.Add(ReadClient(cursor));
                    cursor.End();
                }
                cursor.End();
            }
            var codes = cursor.RetourCodes();
            cursor.End();
            antwoord = new DeclaratieAntwoord(nummer ?? "", ingediend ?? 0, toegekend ?? 0, clients, codes);
        }
        return new DeclaratieAntwoordMessage(Standard, header, declaratie ?? new MessageIdentity("", default), xslt,
            xsdDeclaratie ?? new XsdVersie("", ""), headerCodes, antwoord);
    }

    private DeclaratieAntwoordClient ReadClient(MessageCursor cursor)
    {
        var bsn = cursor.Bsn("Bsn");
        var prestaties = new List<DeclaratieAntwoordPrestatie>();
        if (cursor.Begin("Prestaties", Prestaties))
        {
            while (cursor.Begin("Prestatie", Prestatie))
            {
                var prestatie = Declaratie323Format.ReadPrestatie(cursor, CodeLists);
                prestaties.Add(new DeclaratieAntwoordPrestatie(prestatie, cursor.RetourCodes()));
                cursor.End();
            }
            cursor.End();
        }
        var codes = cursor.RetourCodes();
        return new DeclaratieAntwoordClient(bsn ?? default, prestaties, codes);
    }

    public override void Write(MessageXmlWriter writer, IstdMessage message)
    {
        var antwoordMessage = (DeclaratieAntwoordMessage)message;
        writer.Start("Header");
        MessageHeaderFormat.WriteStart(writer, message.Header);
        MessageHeaderFormat.WriteXsdVersie(writer, "XsdVersie", message.Header);
        MessageHeaderFormat.WriteIdentity(writer, "DeclaratieIdentificatie", antwoordMessage.DeclaratieIdentificatie);
        if (antwoordMessage.XsltVersie is { } xslt) writer.Value("XsltVersie", xslt);
        MessageHeaderFormat.WriteXsdVersie(writer, "XsdVersieDeclaratie", antwoordMessage.XsdVersieDeclaratie);
        writer.RetourCodes(antwoordMessage.RetourCodes);
        writer.End();
        if (antwoordMessage.Antwoord is not { } antwoord) return;
        writer.Start("DeclaratieAntwoord");
        writer.Value("DeclaratieNummer", antwoord.DeclaratieNummer);
        BasisschemaTypes.WriteTotaalBedrag(writer, "TotaalIngediendBedrag", antwoord.TotaalIngediendBedragCents);
        BasisschemaTypes.WriteTotaalBedrag(writer, "TotaalToegekendBedrag", antwoord.TotaalToegekendBedragCents);
        if (antwoord.Clienten.Count > 0)
        {
            writer.Start("Clienten");
            foreach (var client in antwoord.Clienten)
            {
                writer.Start("Client");
                writer.Value("Bsn", client.Bsn.RevealForPseudonymisation());
                writer.Start("Prestaties");
                foreach (var prestatie in client.Prestaties)
                {
                    writer.Start("Prestatie");
                    Declaratie323Format.WritePrestatie(writer, prestatie.Prestatie);
                    writer.RetourCodes(prestatie.RetourCodes);
                    writer.End();
                }
                writer.End();
                writer.RetourCodes(client.RetourCodes);
                writer.End();
            }
            writer.End();
        }
        writer.RetourCodes(antwoord.RetourCodes);
        writer.End();
    }
}

/// <summary>JW325 Declaratie-antwoord Jeugdhulp (BerichtCode 491), municipality → provider.</summary>
internal sealed class Jw325Format() : DeclaratieAntwoord325Format(Standard.IJw);

/// <summary>WMO325 Declaratie-antwoord Wmo-ondersteuning (BerichtCode 485), municipality → provider.</summary>
internal sealed class Wmo325Format() : DeclaratieAntwoord325Format(Standard.IWmo);
