namespace SociaalDomein.Monitoring.Rules.Forecasting;

/// <summary>A price per unit of care: ProductTarief in eurocent per <paramref name="Eenheid"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record Tariff([property: Id(0)] long CentsPerUnit, [property: Id(1)] string Eenheid);
