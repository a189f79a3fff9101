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
    /// <summary>Takes the tariff from the allocation's own declared lines when it has any, else the contract tariff.</summary>
    public static OpenAllocation From(AllocationSnapshot allocation, AllocationUsage usage, Tariff? contractTariff = null) =>
        new(allocation, usage.LastTariff ?? contractTariff, new Dictionary<ServiceMonth, long>(usage.AmountCents));

    public long DeclaredCentsIn(ServiceMonth month) => DeclaredCentsByMonth.GetValueOrDefault(month);
}
