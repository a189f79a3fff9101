namespace SociaalDomein.Simulation.Products;

/// <summary>A youth-care (iJw) product of the simulated regional product code list, with its contract ranges.</summary>
/// <param name="Categorie">Productcategorie (40–55).</param>
/// <param name="Code">5-character product code, e.g. "45A03".</param>
/// <param name="Eenheid">Unit code: 01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82 stuks (output), 83 euro's.</param>
/// <param name="Frequentie">1 per dag, 2 per week, 4 per maand, 6 totaal binnen geldigheidsduur; empty for a budget product.</param>
/// <param name="Tariff">Range of contract tariffs per Eenheid in eurocent; for a budget product the range of one allocation's budget.</param>
/// <param name="Volume">Range of the allocated Omvang volume (per Frequentie); unused for a budget product.</param>
/// <param name="DurationMonths">Range of an allocation's length in months.</param>
/// <param name="OpenEndedShare">Share of allocations without an Einddatum.</param>
public sealed record JeugdProduct(
    string Categorie,
    string Code,
    string Omschrijving,
    string Eenheid,
    string Frequentie,
    CentsRange Tariff,
    IntRange Volume,
    IntRange DurationMonths,
    double OpenEndedShare = 0)
{
    public DeliveryPattern Pattern => Eenheid == "83"
        ? DeliveryPattern.Budget
        : Frequentie switch
        {
            "1" => DeliveryPattern.PerDay,
            "2" => DeliveryPattern.PerWeek,
            "4" => DeliveryPattern.PerMonth,
            "6" => DeliveryPattern.WholeAllocation,
            _ => throw new InvalidOperationException($"Product {Code} has unknown Frequentie '{Frequentie}'."),
        };
}

/// <summary>An inclusive range of eurocent amounts.</summary>
public readonly record struct CentsRange(long Min, long Max)
{
    public long Mid => (Min + Max) / 2;
}

/// <summary>An inclusive range of whole numbers.</summary>
public readonly record struct IntRange(int Min, int Max)
{
    public double Mid => (Min + Max) / 2.0;
}
