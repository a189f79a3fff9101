using SociaalDomein.Monitoring.Signals;

namespace SociaalDomein.Monitoring.Ledger;

/// <summary>What an append stored, and what it noticed about lines that refer to other lines.</summary>
/// <param name="Stored">Lines stored for the first time, in sequence order.</param>
/// <param name="Signals">Signals about the batch found against the whole ledger (a ReferentieNummer reused by another message,
/// a credit of a debit the ledger does not hold), already recorded.</param>
public sealed record LedgerAppendResult(IReadOnlyList<LedgerEntry> Stored, IReadOnlyList<LineSignal> Signals);
