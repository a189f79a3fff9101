namespace SociaalDomein.Monitoring.Ceilings;

/// <summary>A ceiling agreed with a provider for the whole region, for the municipalities that take part in that contract.</summary>
/// <param name="RegionCode">The region's own id, e.g. "RegioNijmegen"; the scope of its alerts.</param>
/// <param name="ProductCategorie">null: all product categories together.</param>
/// <param name="Participants">CBS codes of the municipalities whose declarations count against it.</param>
[GenerateSerializer, Immutable]
public sealed record RegionalBudgetCeiling(
    [property: Id(0)] string RegionCode,
    [property: Id(1)] string ProviderAgb,
    [property: Id(2)] int Year,
    [property: Id(3)] string? ProductCategorie,
    [property: Id(4)] long CeilingCents,
    [property: Id(5)] IReadOnlyList<string> Participants);
