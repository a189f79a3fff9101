namespace SociaalDomein.Messages.Model;

/// <summary>A 301 Toewijzing: the municipality's full snapshot of a client's allocations at one provider.</summary>
public sealed record ToewijzingMessage(Standard Standard, MessageHeader Header, IReadOnlyList<ToewijzingClient> Clients)
    : IstdMessage(Standard, MessageType.Toewijzing301, Header)
{
    public override bool SentByMunicipality => true;
}

/// <summary>One client in a 301 with the allocated products.</summary>
public sealed record ToewijzingClient(Bsn Bsn, DateOnly Geboortedatum, IReadOnlyList<ToegewezenProduct> Producten);

/// <summary>One allocation (ToegewezenProduct). Omvang and Budget are mutually exclusive.</summary>
/// <param name="ToewijzingNummer">Allocation number, ≤ 999 999 999; unique per (standard, municipality).</param>
/// <param name="RedenWijziging">Reason of change; "13" means deleted (treat as never sent).</param>
/// <param name="BudgetCents">Budget in eurocent, when the allocation is budget-based.</param>
public sealed record ToegewezenProduct(
    long ToewijzingNummer,
    string? ReferentieAanbieder,
    string? ProductCategorie,
    string? ProductCode,
    DateOnly Toewijzingsdatum,
    TimeOnly Toewijzingstijd,
    DateOnly Ingangsdatum,
    DateOnly? Einddatum,
    string? RedenWijziging,
    Omvang? Omvang,
    long? BudgetCents);

/// <summary>Allocated extent: Volume per Eenheid per Frequentie (e.g. 4 uur per week).</summary>
/// <param name="Eenheid">Unit code: 01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82 stuks (output), 83 euro's, 84 stuks (inspanning).</param>
/// <param name="Frequentie">1 per dag, 2 per week, 4 per maand, 6 totaal binnen geldigheidsduur.</param>
public sealed record Omvang(long Volume, string Eenheid, string Frequentie);
