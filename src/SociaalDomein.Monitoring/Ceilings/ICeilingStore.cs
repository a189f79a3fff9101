using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Monitoring.Ceilings;

/// <summary>Reference data: the budget ceilings per contract, year and (optionally) product category.</summary>
public interface ICeilingStore
{
    Task<IReadOnlyList<BudgetCeiling>> GetForContractAsync(ContractKey contract, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BudgetCeiling>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the ceiling for (contract, year, category).</summary>
    Task UpsertAsync(BudgetCeiling ceiling, CancellationToken cancellationToken = default);
}
