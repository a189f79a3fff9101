using System.Globalization;

namespace SociaalDomein.Simulation.Scenarios;

/// <summary>A contract (municipality × provider) in one budget year: the unit that ceilings and expected totals are kept for.</summary>
public readonly record struct ContractYear(string MunicipalityCode, string ProviderAgb, int Year)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MunicipalityCode}:{ProviderAgb}:{Year}");
}

/// <summary>A contract year narrowed to one product category.</summary>
public readonly record struct ContractYearCategory(ContractYear ContractYear, string ProductCategorie)
{
    public override string ToString() => $"{ContractYear}:{ProductCategorie}";
}
