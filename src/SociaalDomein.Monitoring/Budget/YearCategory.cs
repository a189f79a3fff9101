namespace SociaalDomein.Monitoring.Budget;

/// <summary>A budget year and product category: the finest bucket a contract keeps totals for.</summary>
[GenerateSerializer, Immutable]
public readonly record struct YearCategory([property: Id(0)] int Year, [property: Id(1)] string ProductCategorie);
