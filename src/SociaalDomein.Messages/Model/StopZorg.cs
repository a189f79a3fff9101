namespace SociaalDomein.Messages.Model;

/// <summary>A 307 Stop zorg: the provider reports that delivery stopped, temporarily or for good.</summary>
public sealed record StopZorgMessage(Standard Standard, MessageHeader Header, StopZorgClient Client)
    : IstdMessage(Standard, MessageType.StopZorg307, Header)
{
    public override bool SentByMunicipality => false;
}

/// <summary>A 308: the municipality's retour on a 307.</summary>
public sealed record StopZorgRetourMessage(
    Standard Standard,
    MessageHeader Header,
    RetourHeader Retour,
    RetourCodeMap RetourCodes,
    StopZorgClient? Client)
    : RetourMessage(Standard, MessageType.StopZorgRetour308, Header, Retour, RetourCodes)
{
    public override bool SentByMunicipality => true;
}

/// <summary>The client of a 307/308 with the stopped products. Name and gender are checked, not kept.</summary>
public sealed record StopZorgClient(Bsn Bsn, DateOnly Geboortedatum, IReadOnlyList<StopProduct> Producten);

/// <summary>One stopped product (StopProduct).</summary>
/// <param name="Begindatum">The day delivery had started (the key of the matching StartProduct).</param>
/// <param name="RedenBeeindiging">Why delivery stopped; its own code list per standard (iJw JZ588, iWmo WMO588): "31" differs.</param>
/// <param name="Einddatum">The last day of delivery.</param>
/// <param name="StatusAanlevering">1 first delivery, 2 changed, 3 delete (COD467).</param>
public sealed record StopProduct(
    long? ToewijzingNummer,
    string? ProductCategorie,
    string? ProductCode,
    DateOnly? ToewijzingIngangsdatum,
    DateOnly Begindatum,
    string RedenBeeindiging,
    DateOnly Einddatum,
    string StatusAanlevering);
