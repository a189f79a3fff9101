namespace SociaalDomein.Messages.Model;

/// <summary>A 317 Verzoek om wijziging: the provider asks to change a client's allocations, listing all current ones.</summary>
public sealed record VerzoekOmWijzigingMessage(Standard Standard, MessageHeader Header, VerzoekOmWijziging Verzoek)
    : IstdMessage(Standard, MessageType.VerzoekOmWijziging317, Header)
{
    public override bool SentByMunicipality => false;
}

/// <summary>A 318: the municipality's retour on a 317.</summary>
public sealed record VerzoekOmWijzigingRetourMessage(
    Standard Standard,
    MessageHeader Header,
    RetourHeader Retour,
    RetourCodeMap RetourCodes,
    VerzoekOmWijziging? Verzoek)
    : RetourMessage(Standard, MessageType.VerzoekOmWijzigingRetour318, Header, Retour, RetourCodes)
{
    public override bool SentByMunicipality => true;
}

/// <summary>The client and the request (elements Client/Bsn and Client/Verzoek).</summary>
/// <param name="RedenVerzoek">1 client's situation changed, 2 care plan changed (WJ758).</param>
/// <param name="OngewijzigdeProducten">ToewijzingNummers that continue unchanged.</param>
public sealed record VerzoekOmWijziging(
    Bsn Bsn,
    string ReferentieAanbieder,
    string RedenVerzoek,
    IReadOnlyList<long> OngewijzigdeProducten,
    IReadOnlyList<TeWijzigenProduct> TeWijzigenProducten,
    IReadOnlyList<NieuwProduct> NieuweProducten);

/// <summary>An allocation the provider wants changed from <paramref name="GewensteIngangsdatum"/>.</summary>
public sealed record TeWijzigenProduct(long ToewijzingNummer, DateOnly GewensteIngangsdatum, DateOnly? Einddatum, Omvang? Omvang, long? BudgetCents);

/// <summary>A product the provider asks to be allocated in addition.</summary>
public sealed record NieuwProduct(
    string? ProductCategorie,
    string? ProductCode,
    DateOnly GewensteIngangsdatum,
    DateOnly? Einddatum,
    Omvang? Omvang,
    long? BudgetCents);
