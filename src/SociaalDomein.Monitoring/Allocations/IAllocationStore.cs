using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Monitoring.Allocations;

/// <summary>Every allocation version received (from 301 messages), kept as sent.</summary>
public interface IAllocationStore
{
    /// <summary>Stores versions not stored before (key: standard, municipality, ToewijzingNummer, Toewijzingsdatum + tijd).</summary>
    Task AppendAsync(IReadOnlyList<AllocationVersion> versions, CancellationToken cancellationToken = default);

    /// <summary>The latest version of every allocation of the contract (deleted ones included).</summary>
    Task<IReadOnlyList<AllocationVersion>> GetLatestForContractAsync(ContractKey contract, CancellationToken cancellationToken = default);

    /// <summary>Whether any version or start/stop report of these allocations of the contract is stored.</summary>
    Task<bool> AnyStoredAsync(ContractKey contract, IReadOnlyCollection<(Standard Standard, long ToewijzingNummer)> keys,
        CancellationToken cancellationToken = default);

    /// <summary>Stores start and stop reports (305/307) not stored before.</summary>
    Task AppendCareReportsAsync(IReadOnlyList<CareReport> reports, CancellationToken cancellationToken = default);

    /// <summary>Every start and stop report of the contract's allocations, in the order received.</summary>
    Task<IReadOnlyList<CareReport>> GetCareReportsForContractAsync(ContractKey contract, CancellationToken cancellationToken = default);
}
