using SociaalDomein.Messages.Model;
using SociaalDomein.Simulation.Products;

namespace SociaalDomein.Simulation.Planning;

/// <summary>One planned allocation (ToegewezenProduct).</summary>
/// <param name="Id">Unique in the plan; keys the allocation's dice (ToewijzingNummers repeat across municipalities).</param>
/// <param name="TariffCents">The contract tariff per Eenheid; null for a budget product.</param>
internal sealed class PlannedAllocation(
    int id, PlannedEpisode episode, JeugdProduct product, long? tariffCents,
    DateOnly ingangsdatum, DateOnly? einddatum, Omvang? omvang, long? budgetCents)
{
    public int Id { get; } = id;
    public PlannedEpisode Episode { get; } = episode;
    public JeugdProduct Product { get; } = product;
    public long? TariffCents { get; } = tariffCents;
    public DateOnly Ingangsdatum { get; } = ingangsdatum;
    public DateOnly? Einddatum { get; } = einddatum;
    public Omvang? Omvang { get; } = omvang;
    public long? BudgetCents { get; } = budgetCents;

    /// <summary>Assigned once all allocations are planned, in order of Toewijzingsdatum, per municipality.</summary>
    public long ToewijzingNummer { get; set; }

    /// <summary>IngediendBedrag for a delivered volume: volume × tariff, or the volume itself for Eenheid 83.</summary>
    public long AmountCents(long volume) => TariffCents is { } tariff ? checked(volume * tariff) : volume;

    public ToegewezenProduct ToToegewezenProduct() => new(
        ToewijzingNummer,
        ReferentieAanbieder: null,
        Product.Categorie,
        Product.Code,
        Episode.Toewijzingsdatum,
        Episode.Toewijzingstijd,
        Ingangsdatum,
        Einddatum,
        RedenWijziging: null,
        Omvang,
        BudgetCents);
}
