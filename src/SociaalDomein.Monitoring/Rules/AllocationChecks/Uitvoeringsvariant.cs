namespace SociaalDomein.Monitoring.Rules.AllocationChecks;

/// <summary>
/// How a product is financed (contract data per product code, never in a message). It decides how a weekly
/// volume is converted to the maximum for a month (IV077).
/// </summary>
public enum Uitvoeringsvariant
{
    /// <summary>Calendar weeks touched by the product period × the weekly volume.</summary>
    Inspanningsgericht,

    /// <summary>Sundays in the product period × the weekly volume, one week more where the allocation's last Sunday falls when it does not end on a Sunday.</summary>
    Outputgericht,
}
