using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Rules.AllocationChecks;

namespace SociaalDomein.Monitoring.Ledger;

/// <summary>
/// The durable ledger of accepted declaration lines and the daily totals derived from it.
/// </summary>
public interface IDeclarationLedger
{
    /// <summary>
    /// Stores the lines that are not yet in the ledger (key: provider, standard, ReferentieNummer) and adds exactly those
    /// to the daily totals, in one transaction. Lines already stored are skipped, so a redelivered message changes
    /// nothing; a line whose ReferentieNummer another message already used, and a credit of an unknown debit, are recorded
    /// as signals in the same transaction.
    /// </summary>
    Task<LedgerAppendResult> AppendAsync(IReadOnlyList<DeclarationLine> lines, CancellationToken cancellationToken = default);

    /// <summary>The contract's ledger entries with a sequence above <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadSinceAsync(ContractKey contract, long afterSequence, CancellationToken cancellationToken = default);

    /// <summary>The contract's ledger entries declared against the given allocations, in sequence order.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadForAllocationsAsync(ContractKey contract, Standard standard, IReadOnlyCollection<long> toewijzingNummers,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// What the contract's lines up to and including <paramref name="upToSequence"/> declared against each allocation
    /// number: the same figures as recording every line in sequence order (<see cref="AllocationUsage.Record"/>), summed
    /// by the database.
    /// </summary>
    Task<IReadOnlyDictionary<(Standard Standard, long ToewijzingNummer), AllocationUsage>> ReadAllocationUsageAsync(
        ContractKey contract, long upToSequence, CancellationToken cancellationToken = default);
}
