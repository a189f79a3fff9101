using System.Globalization;
using System.Text;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Simulation.Tests;

/// <summary>Renders every field of a message, so two messages can be compared by content (records compare lists by reference).</summary>
internal static class MessageText
{
    public static string Render(IstdMessage message)
    {
        var text = new StringBuilder();
        var h = message.Header;
        Append(text, $"{message.Standard}|{message.Type}|{h.BerichtCode}|{h.BerichtVersie}|{h.BerichtSubversie}|{h.Afzender}|{h.Ontvanger}|{h.Identificatie}|{h.Dagtekening:O}|{h.BasisschemaXsdVersie}|{h.BerichtXsdVersie}");
        switch (message)
        {
            case ToewijzingMessage t:
                foreach (var client in t.Clients)
                {
                    Append(text, $"C|{client.Bsn.RevealForPseudonymisation()}|{client.Geboortedatum:O}");
                    foreach (var p in client.Producten)
                        Append(text, $"P|{p.ToewijzingNummer}|{p.ReferentieAanbieder}|{p.ProductCategorie}|{p.ProductCode}|{p.Toewijzingsdatum:O}|{p.Toewijzingstijd:O}|{p.Ingangsdatum:O}|{p.Einddatum:O}|{p.RedenWijziging}|{p.Omvang}|{p.BudgetCents}");
                }
                break;
            case DeclaratieMessage d:
                Append(text, $"D|{d.DeclaratieNummer}|{d.PeriodeBegin:O}|{d.PeriodeEinde:O}|{d.DeclaratieDagtekening:O}|{d.TotaalIngediendBedragCents}");
                foreach (var client in d.Clients)
                {
                    Append(text, $"C|{client.Bsn.RevealForPseudonymisation()}");
                    foreach (var p in client.Prestaties)
                        Append(text, $"L|{p.ReferentieNummer}|{p.VorigReferentieNummer}|{p.ToewijzingNummer}|{p.ProductCategorie}|{p.ProductCode}|{p.ProductPeriodeBegin:O}|{p.ProductPeriodeEinde:O}|{p.GeleverdVolume}|{p.Eenheid}|{p.ProductTariefCents}|{p.IngediendBedragCents}|{p.DebetCredit}");
                }
                break;
            default:
                // The other types have no lists the records would compare by reference in a way that matters here: their XML says all.
                text.Append(System.Text.Encoding.UTF8.GetString(SociaalDomein.Messages.Writing.MessageWriter.Write(message)));
                break;
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, FormattableString line) =>
        text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
