using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// The 319 Antwoordbericht and its retour 320, for iJw and iWmo: Header and Antwoord, without client data.
/// iJw has Woonplaatsbeginsel/Gemeente in the answer, iWmo does not.
/// </summary>
internal abstract class Antwoord319Format : MessageFormat
{
    private readonly ElementSequence _root;
    private readonly ElementSequence _antwoord;
    private readonly ElementSequence _woonplaatsbeginsel;

    protected Antwoord319Format(Standard standard, bool retour)
        : base(standard, retour ? MessageType.AntwoordRetour320 : MessageType.Antwoord319, sentByMunicipality: !retour, retour, Release.Current3x)
    {
        _root = new(Required("Header"), retour ? Optional("Antwoord") : Required("Antwoord"));
        ElementSlot[] antwoord = standard == Standard.IJw
            ? [Required("ReferentieAanbieder"), Required("VerzoekAntwoord"), Optional("RedenAfwijzingVerzoek"), Optional("Woonplaatsbeginsel")]
            : [Required("ReferentieAanbieder"), Required("VerzoekAntwoord"), Optional("RedenAfwijzingVerzoek")];
        _antwoord = ElementSequence.Class(retour, antwoord);
        _woonplaatsbeginsel = ElementSequence.Class(retour, Required("Gemeente"));
    }

    public override ElementSequence RootChildren => _root;

    public override IstdMessage Read(MessageCursor cursor, FormatBinding binding)
    {
        var (header, retour) = ReadHeader(cursor, binding);
        var map = NewMap();
        Antwoord? antwoord = null;
        if (cursor.Begin("Antwoord", _antwoord))
        {
            var referentie = cursor.Text("ReferentieAanbieder", 1, 20);
            var verzoekAntwoord = cursor.Code("VerzoekAntwoord", CodeLists.VerzoekAntwoord);
            var reden = cursor.Code("RedenAfwijzingVerzoek", CodeLists.RedenAfwijzingVerzoek);
            string? gemeente = null;
            if (Standard == Standard.IJw && cursor.Begin("Woonplaatsbeginsel", _woonplaatsbeginsel))
            {
                gemeente = cursor.Digits("Gemeente", 4, CodeDescriptions.Municipality);
                ReadRetourCodes(cursor, map);
                cursor.End();
            }
            ReadRetourCodes(cursor, map);
            cursor.End();
            antwoord = new Antwoord(referentie ?? "", verzoekAntwoord ?? "", reden, gemeente);
        }
        return IsRetour
            ? new AntwoordRetourMessage(Standard, header, retour!, ToMap(map), antwoord)
            : new AntwoordMessage(Standard, header, antwoord ?? new Antwoord("", "", null, null));
    }

    public override void Write(MessageXmlWriter writer, IstdMessage message)
    {
        var (antwoord, retour, map) = message switch
        {
            AntwoordRetourMessage r => (r.Antwoord, r.Retour, r.RetourCodes),
            AntwoordMessage m => (m.Antwoord, (RetourHeader?)null, (RetourCodeMap?)null),
            _ => throw new ArgumentException($"{message.GetType().Name} is not a 319/320.", nameof(message)),
        };
        WriteHeader(writer, message.Header, retour);
        if (antwoord is null) return;
        writer.Start("Antwoord");
        writer.Value("ReferentieAanbieder", antwoord.ReferentieAanbieder);
        writer.Value("VerzoekAntwoord", antwoord.VerzoekAntwoord);
        if (antwoord.RedenAfwijzingVerzoek is { } reden) writer.Value("RedenAfwijzingVerzoek", reden);
        if (antwoord.WoonplaatsbeginselGemeente is { } gemeente)
        {
            if (Standard != Standard.IJw) throw new ArgumentException("Woonplaatsbeginsel exists only in iJw.", nameof(message));
            writer.Start("Woonplaatsbeginsel");
            writer.Value("Gemeente", gemeente);
            WriteRetourCodes(writer, map, "/Bericht/Antwoord/Woonplaatsbeginsel");
            writer.End();
        }
        WriteRetourCodes(writer, map, "/Bericht/Antwoord");
        writer.End();
    }
}

/// <summary>JW319 Antwoordbericht Jeugdhulp (BerichtCode 488), municipality → provider.</summary>
internal sealed class Jw319Format() : Antwoord319Format(Standard.IJw, retour: false);

/// <summary>JW320 retour on a JW319 (BerichtCode 489), provider → municipality.</summary>
internal sealed class Jw320Format() : Antwoord319Format(Standard.IJw, retour: true);

/// <summary>WMO319 Antwoordbericht Wmo-ondersteuning (BerichtCode 482), municipality → provider.</summary>
internal sealed class Wmo319Format() : Antwoord319Format(Standard.IWmo, retour: false);

/// <summary>WMO320 retour on a WMO319 (BerichtCode 483), provider → municipality.</summary>
internal sealed class Wmo320Format() : Antwoord319Format(Standard.IWmo, retour: true);
