namespace SociaalDomein.Messages.Model;

/// <summary>A 302: the provider's retour on a 301, repeating the allocation with retourcodes per class.</summary>
/// <param name="Client">The repeated client; absent when the whole 301 was refused (retourcode on the header).</param>
public sealed record ToewijzingRetourMessage(
    Standard Standard,
    MessageHeader Header,
    RetourHeader Retour,
    RetourCodeMap RetourCodes,
    ToewijzingClient? Client)
    : RetourMessage(Standard, MessageType.ToewijzingRetour302, Header, Retour, RetourCodes)
{
    public override bool SentByMunicipality => false;
}
