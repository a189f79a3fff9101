using SociaalDomein.Simulation.Products;
using SociaalDomein.Simulation.Providers;

namespace SociaalDomein.Simulation.Planning;

/// <summary>A provider with what the plan needs beyond its public description.</summary>
/// <param name="TariffCents">Contract tariff per product code, the same in every municipality of the region.</param>
/// <param name="HabitWorkingDay">The working day after month end on which this provider usually sends its declarations.</param>
internal sealed record PlannedProvider(
    int Index,
    SimulatedProvider Provider,
    IReadOnlyDictionary<string, long> TariffCents,
    int HabitWorkingDay)
{
    public string Agb => Provider.Agb;

    public long TariffFor(JeugdProduct product) => TariffCents[product.Code];
}
