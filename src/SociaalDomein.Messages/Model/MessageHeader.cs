namespace SociaalDomein.Messages.Model;

/// <summary>The header every iJw/iWmo message carries (element <c>Header</c>).</summary>
/// <param name="BerichtCode">The standard's numeric message code, e.g. 436 for JW301.</param>
/// <param name="Afzender">Sender: a 4-digit CBS municipality code or an 8-digit AGB provider code, leading zeros kept.</param>
/// <param name="Ontvanger">Receiver, same form as <paramref name="Afzender"/>.</param>
/// <param name="Identificatie">BerichtIdentificatie/Identificatie, 1–12 characters, unique per sender and message type.</param>
/// <param name="Dagtekening">BerichtIdentificatie/Dagtekening: the day the sender created the message.</param>
public sealed record MessageHeader(
    int BerichtCode,
    int BerichtVersie,
    int BerichtSubversie,
    string Afzender,
    string Ontvanger,
    string Identificatie,
    DateOnly Dagtekening,
    string BasisschemaXsdVersie,
    string BerichtXsdVersie);
