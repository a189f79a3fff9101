using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using static SociaalDomein.Messages.Reading.ElementSlot;

namespace SociaalDomein.Messages.Formats;

/// <summary>The Header shared by all heen-messages (301, 323, ...): read, checked against the namespace, and written.</summary>
internal static class MessageHeaderFormat
{
    private static readonly ElementSequence Header = new(
        Required("BerichtCode"),
        Required("BerichtVersie"),
        Required("BerichtSubversie"),
        Required("Afzender"),
        Required("Ontvanger"),
        Required("BerichtIdentificatie"),
        Required("XsdVersie"));

    private static readonly ElementSequence BerichtIdentificatie = new(
        BasisRequired("Identificatie"),
        BasisRequired("Dagtekening"));

    private static readonly ElementSequence XsdVersie = new(
        BasisRequired("BasisschemaXsdVersie"),
        BasisRequired("BerichtXsdVersie"));

    /// <summary>
    /// Reads Header. A BerichtCode that contradicts the namespace stops reading (the body cannot be trusted to be
    /// what the namespace says); a release that contradicts it is reported and reading goes on.
    /// </summary>
    public static MessageHeader Read(MessageCursor cursor, FormatBinding binding)
    {
        int? code = null, versie = null, subversie = null;
        string? afzender = null, ontvanger = null, identificatie = null, basisVersie = null, berichtVersie = null;
        DateOnly? dagtekening = null;
        var municipalitySends = binding.Format.SentByMunicipality;

        if (cursor.Begin("Header", Header))
        {
            code = (int?)cursor.Integer("BerichtCode", 0, 999, CodeDescriptions.BerichtCode);
            if (code is { } actual && actual != binding.Format.BerichtCode)
            {
                var known = MessageFormats.NameOf(binding.Format.Standard, actual);
                cursor.Fatal("BerichtCode", RuleCodes.UnknownMessage,
                    $"The namespace says this is a {binding.DisplayName} (BerichtCode {binding.Format.BerichtCode}), " +
                    $"but the header has BerichtCode {actual}{(known is null ? "" : $" ({known})")}. The message type is ambiguous, so it was not read.");
            }
            versie = (int?)cursor.Integer("BerichtVersie", 0, 99, CodeDescriptions.Versie);
            subversie = (int?)cursor.Integer("BerichtSubversie", 0, 99, CodeDescriptions.Versie);
            if (versie is { } v && subversie is { } s && (v != binding.Release.Versie || s != binding.Release.Subversie))
            {
                cursor.Error("BerichtSubversie", RuleCodes.Version,
                    $"The header says release {v}.{s} (BerichtVersie {v}, BerichtSubversie {s}) but the namespace is release {binding.Release}.");
            }
            afzender = municipalitySends
                ? cursor.Digits("Afzender", 4, CodeDescriptions.Municipality)
                : cursor.Digits("Afzender", 8, CodeDescriptions.Agb);
            ontvanger = municipalitySends
                ? cursor.Digits("Ontvanger", 8, CodeDescriptions.Agb)
                : cursor.Digits("Ontvanger", 4, CodeDescriptions.Municipality);
            if (cursor.Begin("BerichtIdentificatie", BerichtIdentificatie))
            {
                identificatie = cursor.Text("Identificatie", 1, 12);
                dagtekening = cursor.Date("Dagtekening");
                cursor.End();
            }
            if (cursor.Begin("XsdVersie", XsdVersie))
            {
                basisVersie = cursor.Text("BasisschemaXsdVersie", 1, 20);
                berichtVersie = cursor.Text("BerichtXsdVersie", 1, 20);
                cursor.End();
            }
            cursor.End();
        }

        // With an error anywhere the message is refused, so the defaults below are never seen.
        return new MessageHeader(
            code ?? 0,
            versie ?? 0,
            subversie ?? 0,
            afzender ?? "",
            ontvanger ?? "",
            identificatie ?? "",
            dagtekening ?? default,
            basisVersie ?? "",
            berichtVersie ?? "");
    }

    public static void Write(MessageXmlWriter writer, MessageHeader header)
    {
        writer.Start("Header");
        writer.Value("BerichtCode", header.BerichtCode);
        writer.Value("BerichtVersie", header.BerichtVersie);
        writer.Value("BerichtSubversie", header.BerichtSubversie);
        writer.Value("Afzender", header.Afzender);
        writer.Value("Ontvanger", header.Ontvanger);
        writer.Start("BerichtIdentificatie");
        writer.BasisValue("Identificatie", header.Identificatie);
        writer.BasisValue("Dagtekening", header.Dagtekening);
        writer.End();
        writer.Start("XsdVersie");
        writer.BasisValue("BasisschemaXsdVersie", header.BasisschemaXsdVersie);
        writer.BasisValue("BerichtXsdVersie", header.BerichtXsdVersie);
        writer.End();
        writer.End();
    }
}
