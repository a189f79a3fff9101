using SociaalDomein.Monitoring.Budget;

namespace SociaalDomein.Monitoring.Contracts;

/// <summary>
/// Persisted state of a contract grain: a materialised view of the contract's ledger lines up to <see cref="LedgerSequence"/>.
/// </summary>
[GenerateSerializer]
public sealed class ContractState
{
    /// <summary>The highest ledger sequence folded into <see cref="Totals"/>; lines above it are caught up on activation.</summary>
    [Id(0)]
    public long LedgerSequence { get; set; }

    [Id(1)]
    public ContractTotals Totals { get; set; } = new();

    /// <summary>Threshold marks keyed by <see cref="CeilingThresholds.MarkKey"/>.</summary>
    [Id(2)]
    public Dictionary<string, ThresholdMark> Thresholds { get; set; } = new();
}
