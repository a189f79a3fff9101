namespace SociaalDomein.Messages.Model;

/// <summary>A 319 Antwoordbericht: the municipality rejects a 315/317, or says it is under investigation.</summary>
public sealed record AntwoordMessage(Standard Standard, MessageHeader Header, Antwoord Antwoord)
    : IstdMessage(Standard, MessageType.Antwoord319, Header)
{
    public override bool SentByMunicipality => true;
}

/// <summary>A 320: the provider's retour on a 319.</summary>
public sealed record AntwoordRetourMessage(
    Standard Standard,
    MessageHeader Header,
    RetourHeader Retour,
    RetourCodeMap RetourCodes,
    Antwoord? Antwoord)
    : RetourMessage(Standard, MessageType.AntwoordRetour320, Header, Retour, RetourCodes)
{
    public override bool SentByMunicipality => false;
}

/// <summary>The answer on a request.</summary>
/// <param name="ReferentieAanbieder">The reference of the 315/317 this answers.</param>
/// <param name="VerzoekAntwoord">1 rejected, 2 under investigation (WJ760).</param>
/// <param name="RedenAfwijzingVerzoek">Why it was rejected (WJ759), e.g. 3 no contract.</param>
/// <param name="WoonplaatsbeginselGemeente">iJw only: the municipality responsible under the woonplaatsbeginsel, when another one.</param>
public sealed record Antwoord(string ReferentieAanbieder, string VerzoekAntwoord, string? RedenAfwijzingVerzoek, string? WoonplaatsbeginselGemeente);
