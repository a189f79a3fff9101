namespace SociaalDomein.Storage.Queries;

/// <summary>The outcome of reconciling the daily tables with the ledger for a period.</summary>
/// <param name="LedgerLines">Ledger lines received in the period (the scope of the check).</param>
/// <param name="LedgerAmountCents">Their sum.</param>
/// <param name="TotalsCompared">Number of totals compared over all checks.</param>
/// <param name="Differences">Every figure that differs, by check and subject; empty when all agree.</param>
public sealed record ReconcileReport(
    ReconcileFilter Filter,
    long LedgerLines,
    long LedgerAmountCents,
    long TotalsCompared,
    IReadOnlyList<ReconcileDifference> Differences)
{
    public bool Equal => Differences.Count == 0;
}
