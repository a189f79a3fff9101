namespace SociaalDomein.Simulation.Products;

/// <summary>How care under a product is delivered and declared, following from its Eenheid and Frequentie.</summary>
public enum DeliveryPattern
{
    /// <summary>Frequentie 2: a volume per week (hours, minutes, dagdelen, rides); declared per month pro rata.</summary>
    PerWeek,

    /// <summary>Frequentie 1: a volume per day, e.g. one etmaal of residential care per day.</summary>
    PerDay,

    /// <summary>Frequentie 4: a fixed output per month, e.g. a monthly fee for youth protection.</summary>
    PerMonth,

    /// <summary>Frequentie 6: a total for the whole allocation, declared once when it ends.</summary>
    WholeAllocation,

    /// <summary>Eenheid 83 with a Budget instead of an Omvang: the declared volume is the amount in eurocent.</summary>
    Budget,
}
