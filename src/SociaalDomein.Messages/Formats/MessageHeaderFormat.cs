using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>
/// The parts of Header that messages share: read, checked against the namespace, and written. Formats compose them,
/// because headers differ: a retour adds its own identity, a 325 names the 323 it answers, a 2.x 303 carries its totals.
/// </summary>
internal static class MessageHeaderFormat
{
    /// <summary>BerichtCode … BerichtIdentificatie: how every header starts.</summary>
    public static readonly ElementSlot[] IdentitySlots =
    [
        Required("BerichtCode"),
        Required("BerichtVersie"),
        Required("BerichtSubversie"),
        Required("Afzender"),
        Required("Ontvanger"),
        Required("BerichtIdentificatie"),
    ];

    /// <summary>Header of a heen message (301, 305, 315, 317, 319, 323).</summary>
    public static readonly ElementSequence HeenSequence = new([.. IdentitySlots, Required("XsdVersie")]);

    /// <summary>Header of a 3.x retour message: the heen header followed by the retour's own identity and verdict.</summary>
    public static readonly ElementSequence RetourSequence = new(
    [
        .. IdentitySlots,
        Required("XsdVersie"),
        Required("IdentificatieRetour"),
        Required("DagtekeningRetour"),
        Optional("XsltVersie"),
        Required("XsdVersieRetour"),
        Optional("RetourCodes"),
    ]);

    private static readonly ElementSequence Identificatie = new(
        BasisRequired("Identificatie"),
        BasisRequired("Dagtekening"));

    private static readonly ElementSequence Xsd = new(
        BasisRequired("BasisschemaXsdVersie"),
        BasisRequired("BerichtXsdVersie"));

    /// <summary>Placeholder when Header itself is missing: the message is refused, so it is never seen.</summary>
    public static readonly MessageHeader Empty = new(0, 0, 0, "", "", "", default, "", "");

    /// <summary>
    /// Reads BerichtCode … BerichtIdentificatie. A BerichtCode that contradicts the namespace stops reading (the body
    /// cannot be trusted to be what the namespace says); a release that contradicts it is reported and reading goes on.
    /// </summary>
    public static HeaderStart ReadStart(MessageCursor cursor, FormatBinding binding)
    {
        var format = binding.Format;
        var code = (int?)cursor.Integer("BerichtCode", 0, 999, CodeDescriptions.BerichtCode);
        if (code is { } actual && !format.BerichtCodes.Contains(actual))
        {
            cursor.Fatal("BerichtCode", RuleCodes.UnknownMessage,
                $"The namespace says this is a {binding.DisplayName} (BerichtCode {string.Join(" or ", format.BerichtCodes)}), " +
                $"but the header has BerichtCode {actual}{Describe(format.Standard, actual)}. The message type is ambiguous, so it was not read.");
        }
        var versie = (int?)cursor.Integer("BerichtVersie", 0, 99, CodeDescriptions.Versie);
        var subversie = (int?)cursor.Integer("BerichtSubversie", 0, 99, CodeDescriptions.Versie);
        if (versie is { } v && subversie is { } s && (v != binding.Release.Versie || s != binding.Release.Subversie))
        {
            cursor.Error("BerichtSubversie", RuleCodes.Version,
                $"The header says release {v}.{s} (BerichtVersie {v}, BerichtSubversie {s}) but the namespace is release {binding.Release}.");
        }
        var afzender = Party(cursor, "Afzender", format.HeaderAfzenderIsMunicipality);
        var ontvanger = Party(cursor, "Ontvanger", !format.HeaderAfzenderIsMunicipality);
        var identity = ReadIdentity(cursor, "BerichtIdentificatie");
        return new HeaderStart(code ?? 0, versie ?? 0, subversie ?? 0, afzender ?? "", ontvanger ?? "",
            identity?.Identificatie ?? "", identity?.Dagtekening ?? default);
    }

    /// <summary>A municipality code (4 digits) or an AGB code (8 digits).</summary>
    public static string? Party(MessageCursor cursor, string name, bool municipality) => municipality
        ? cursor.Digits(name, 4, CodeDescriptions.Municipality)
        : cursor.Digits(name, 8, CodeDescriptions.Agb);

    /// <summary>A CDT_BerichtIdentificatie (Identificatie 1–12 characters, Dagtekening).</summary>
    public static MessageIdentity? ReadIdentity(MessageCursor cursor, string name)
    {
        if (!cursor.Begin(name, Identificatie)) return null;
        var identificatie = cursor.Text("Identificatie", 1, 12);
        var dagtekening = cursor.Date("Dagtekening");
        cursor.End();
        return new MessageIdentity(identificatie ?? "", dagtekening ?? default);
    }

    /// <summary>A CDT_XsdVersie; null when absent.</summary>
    public static XsdVersie? ReadXsdVersie(MessageCursor cursor, string name)
    {
        if (!cursor.Begin(name, Xsd)) return null;
        var basis = cursor.Text("BasisschemaXsdVersie", 1, 20);
        var bericht = cursor.Text("BerichtXsdVersie", 1, 20);
        cursor.End();
        return new XsdVersie(basis ?? "", bericht ?? "");
    }

    /// <summary>IdentificatieRetour … RetourCodes of a retour header.</summary>
    public static RetourHeader ReadRetour(MessageCursor cursor)
    {
        var identificatie = cursor.Text("IdentificatieRetour", 1, 12);
        var dagtekening = cursor.Date("DagtekeningRetour");
        var xslt = cursor.Text("XsltVersie", 1, 20);
        var xsd = ReadXsdVersie(cursor, "XsdVersieRetour");
        var codes = cursor.RetourCodes();
        return new RetourHeader(identificatie ?? "", dagtekening ?? default, xslt, xsd, codes);
    }

    public static void WriteStart(MessageXmlWriter writer, MessageHeader header)
    {
        writer.Value("BerichtCode", header.BerichtCode);
        writer.Value("BerichtVersie", header.BerichtVersie);
        writer.Value("BerichtSubversie", header.BerichtSubversie);
        writer.Value("Afzender", header.Afzender);
        writer.Value("Ontvanger", header.Ontvanger);
        WriteIdentity(writer, "BerichtIdentificatie", new MessageIdentity(header.Identificatie, header.Dagtekening));
    }

    public static void WriteIdentity(MessageXmlWriter writer, string name, MessageIdentity identity)
    {
        writer.Start(name);
        writer.BasisValue("Identificatie", identity.Identificatie);
        writer.BasisValue("Dagtekening", identity.Dagtekening);
        writer.End();
    }

    public static void WriteXsdVersie(MessageXmlWriter writer, string name, MessageHeader header) =>
        WriteXsdVersie(writer, name, new XsdVersie(header.BasisschemaXsdVersie, header.BerichtXsdVersie));

    public static void WriteXsdVersie(MessageXmlWriter writer, string name, XsdVersie xsd)
    {
        writer.Start(name);
        writer.BasisValue("BasisschemaXsdVersie", xsd.BasisschemaXsdVersie);
        writer.BasisValue("BerichtXsdVersie", xsd.BerichtXsdVersie);
        writer.End();
    }

    public static void WriteRetour(MessageXmlWriter writer, RetourHeader retour)
    {
        writer.Value("IdentificatieRetour", retour.IdentificatieRetour);
        writer.Value("DagtekeningRetour", retour.DagtekeningRetour);
        if (retour.XsltVersie is { } xslt) writer.Value("XsltVersie", xslt);
        if (retour.XsdVersieRetour is { } xsd) WriteXsdVersie(writer, "XsdVersieRetour", xsd);
        if (retour.RetourCodes.Count > 0) writer.RetourCodes(retour.RetourCodes);
    }

    /// <summary>" (JW301)" or " (WMO323 of iWmo)" for an explanation; empty when the code is unknown in both standards.</summary>
    private static string Describe(Standard standard, int code)
    {
        if (Model.BerichtCodes.NameOf(standard, code) is { } own) return $" ({own})";
        var other = standard == Standard.IJw ? Standard.IWmo : Standard.IJw;
        return Model.BerichtCodes.NameOf(other, code) is { } foreign
            ? $" ({foreign}, a message of {(other == Standard.IJw ? "iJw" : "iWmo")})"
            : " (not a BerichtCode of this standard)";
    }
}

/// <summary>The fields of Header up to BerichtIdentificatie, before the message-specific part.</summary>
internal readonly record struct HeaderStart(int BerichtCode, int Versie, int Subversie, string Afzender, string Ontvanger, string Identificatie, DateOnly Dagtekening)
{
    /// <summary>With an error anywhere the message is refused, so the empty defaults are never seen.</summary>
    public MessageHeader Complete(XsdVersie? xsd) => new(BerichtCode, Versie, Subversie, Afzender, Ontvanger, Identificatie, Dagtekening,
        xsd?.BasisschemaXsdVersie ?? "", xsd?.BerichtXsdVersie ?? "");
}
