using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Monitoring.Allocations;

/// <summary>Every allocation version received (from 301 messages), kept as sent.</summary>
public interface IAllocationStore
{
    /// <summary>Stores versions not stored before (key: standard, municipality, ToewijzingNummer, Toewijzingsdatum + tijd).</summary>
    Task AppendAsync(IReadOnlyList<AllocationVersion> versions, CancellationToken cancellationToken = default);

    /// <summary>The latest version of every allocation of the contract (deleted ones included).</summary>
    Task<IReadOnlyList<AllocationVersion>> GetLatestForContractAsync(ContractKey contract, CancellationToken cancellationToken = default);
}
