using SociaalDomein.Monitoring.Rules.AllocationChecks;
using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Rules.Forecasting;

/// <summary>An allocation of the contract with its price and what has been declared against it, for the forecast.</summary>
/// <param name="Tariff">Price per unit: the tariff of its own declared lines, else the contract tariff of its product code; null when unknown.</param>
/// <param name="DeclaredCentsByMonth">Net amount declared against it per service month.</param>
[GenerateSerializer, Immutable]
public sealed record OpenAllocation(
    [property: Id(0)] AllocationSnapshot Allocation,
    [property: Id(1)] Tariff? Tariff,
    [property: Id(2)] IReadOnlyDictionary<ServiceMonth, long> DeclaredCentsByMonth)
{
    /// <summary>Takes the tariff from the allocation's own declared lines when it has any, else the contract tariff; copies the usage.</summary>
    public static OpenAllocation From(AllocationSnapshot allocation, AllocationUsage usage, Tariff? contractTariff = null) =>
        Over(allocation, usage, contractTariff) with { DeclaredCentsByMonth = new Dictionary<ServiceMonth, long>(usage.AmountCents) };

    /// <summary>As <see cref="From"/>, reading the usage in place instead of copying it: for a projection made at once, never for one kept or sent.</summary>
    public static OpenAllocation Over(AllocationSnapshot allocation, AllocationUsage usage, Tariff? contractTariff = null) =>
        new(allocation, usage.LastTariff ?? contractTariff, usage.AmountCents);

    public long DeclaredCentsIn(ServiceMonth month) => DeclaredCentsByMonth.GetValueOrDefault(month);
}
