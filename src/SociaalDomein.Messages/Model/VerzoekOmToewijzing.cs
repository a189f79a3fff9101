namespace SociaalDomein.Messages.Model;

/// <summary>A 315 Verzoek om toewijzing: the provider asks the municipality to allocate products to a client.</summary>
public sealed record VerzoekOmToewijzingMessage(Standard Standard, MessageHeader Header, VerzoekOmToewijzingClient Client)
    : IstdMessage(Standard, MessageType.VerzoekOmToewijzing315, Header)
{
    public override bool SentByMunicipality => false;
}

/// <summary>A 316: the municipality's retour on a 315.</summary>
public sealed record VerzoekOmToewijzingRetourMessage(
    Standard Standard,
    MessageHeader Header,
    RetourHeader Retour,
    RetourCodeMap RetourCodes,
    VerzoekOmToewijzingClient? Client)
    : RetourMessage(Standard, MessageType.VerzoekOmToewijzingRetour316, Header, Retour, RetourCodes)
{
    public override bool SentByMunicipality => true;
}

/// <summary>The client of a 315/316 with the requested products. Name, gender and comments are checked, not kept.</summary>
/// <param name="GezagsdragerBekend">iJw only: "1" yes / "2" no (COD260), the provider knows who has parental authority.</param>
public sealed record VerzoekOmToewijzingClient(Bsn Bsn, DateOnly Geboortedatum, string? GezagsdragerBekend, IReadOnlyList<AangevraagdProduct> Producten);

/// <summary>One requested product (AangevraagdProduct). Omvang and Budget exclude each other.</summary>
/// <param name="ReferentieAanbieder">The provider's reference of the request, echoed in the answering 301 or 319.</param>
/// <param name="Raamcontract">"1" yes / "2" no: the provider relies on a national framework contract.</param>
public sealed record AangevraagdProduct(
    string ReferentieAanbieder,
    long? BeschikkingNummer,
    string? ProductCategorie,
    string? ProductCode,
    DateOnly? BeschikkingIngangsdatum,
    DateOnly ToewijzingIngangsdatum,
    DateOnly? ToewijzingEinddatum,
    Omvang? Omvang,
    long? BudgetCents,
    Verwijzer Verwijzer,
    string? Raamcontract);

/// <summary>Who referred the client (CDT_Verwijzer). The referrer's name is checked, not kept.</summary>
/// <param name="Type">Referrer type (COD327 in iJw, e.g. 02 huisarts).</param>
/// <param name="ZorgverlenerCode">AGB code of the referring professional, when given.</param>
public sealed record Verwijzer(string Type, string? ZorgverlenerCode);
