namespace SociaalDomein.Messages.Model;

/// <summary>A 305 Start zorg: the provider reports that delivery of allocated products started.</summary>
public sealed record StartZorgMessage(Standard Standard, MessageHeader Header, StartZorgClient Client)
    : IstdMessage(Standard, MessageType.StartZorg305, Header)
{
    public override bool SentByMunicipality => false;
}

/// <summary>A 306: the municipality's retour on a 305.</summary>
public sealed record StartZorgRetourMessage(
    Standard Standard,
    MessageHeader Header,
    RetourHeader Retour,
    RetourCodeMap RetourCodes,
    StartZorgClient? Client)
    : RetourMessage(Standard, MessageType.StartZorgRetour306, Header, Retour, RetourCodes)
{
    public override bool SentByMunicipality => true;
}

/// <summary>The client of a 305/306 with the products whose delivery started. Name and gender are checked, not kept.</summary>
public sealed record StartZorgClient(Bsn Bsn, DateOnly Geboortedatum, IReadOnlyList<StartProduct> Producten);

/// <summary>One started product (StartProduct).</summary>
/// <param name="ToewijzingNummer">The allocation delivered under; absent for products delivered without allocation number.</param>
/// <param name="ToewijzingIngangsdatum">Ingangsdatum of the allocation, as in the 301.</param>
/// <param name="Begindatum">The day delivery started.</param>
/// <param name="StatusAanlevering">1 first delivery, 2 changed, 3 delete (COD467).</param>
public sealed record StartProduct(
    long? ToewijzingNummer,
    string? ProductCategorie,
    string? ProductCode,
    DateOnly? ToewijzingIngangsdatum,
    DateOnly Begindatum,
    string StatusAanlevering);
