namespace SociaalDomein.Simulation.Scenarios;

/// <summary>A contract: one municipality and one provider, over all years (lead times are not kept per budget year).</summary>
public readonly record struct ScenarioContract(string MunicipalityCode, string ProviderAgb)
{
    public override string ToString() => $"{MunicipalityCode}:{ProviderAgb}";
}
