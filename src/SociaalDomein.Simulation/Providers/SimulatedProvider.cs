using SociaalDomein.Simulation.Products;

namespace SociaalDomein.Simulation.Providers;

/// <summary>A fictitious youth-care provider in a scenario.</summary>
/// <param name="Agb">8-digit AGB code starting with "99", which no real provider has.</param>
/// <param name="Rank">1 for the provider with the largest planned spend.</param>
/// <param name="PlannedAnnualCents">The iJw spend per year the scenario plans for this provider over all municipalities.</param>
/// <param name="Products">The products it delivers, with their share of its spend.</param>
public sealed record SimulatedProvider(
    string Agb,
    string Name,
    int Rank,
    ProviderProfile Profile,
    long PlannedAnnualCents,
    IReadOnlyList<ProductShare> Products);

/// <summary>A product a provider delivers and the share of the provider's spend it is planned to take.</summary>
public sealed record ProductShare(JeugdProduct Product, double Share);
