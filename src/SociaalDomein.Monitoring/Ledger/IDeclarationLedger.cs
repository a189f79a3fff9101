using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Monitoring.Ledger;

/// <summary>
/// The durable ledger of accepted declaration lines and the daily totals derived from it.
/// </summary>
public interface IDeclarationLedger
{
    /// <summary>
    /// Stores the lines that are not yet in the ledger (key: provider, standard, ReferentieNummer) and adds exactly those
    /// to the daily totals, in one transaction. Returns the entries that were new; lines already stored are skipped,
    /// so a redelivered message changes nothing.
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> AppendAsync(IReadOnlyList<DeclarationLine> lines, CancellationToken cancellationToken = default);

    /// <summary>The contract's ledger entries with a sequence above <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadSinceAsync(ContractKey contract, long afterSequence, CancellationToken cancellationToken = default);
}
