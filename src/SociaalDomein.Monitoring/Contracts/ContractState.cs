using SociaalDomein.Monitoring.Budget;
using SociaalDomein.Monitoring.Rules.Lifecycle;

namespace SociaalDomein.Monitoring.Contracts;

/// <summary>
/// Persisted state of a contract grain: a materialised view of the contract's ledger lines up to <see cref="LedgerSequence"/>,
/// and where each of its alerts stands. Bounded by years × categories × months and by the alert subjects that ever held.
/// </summary>
[GenerateSerializer]
public sealed class ContractState
{
    /// <summary>The state layout this grain writes; an older layout is completed from the ledger on activation.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The highest ledger sequence folded into the totals; lines above it are caught up on activation.</summary>
    [Id(0)]
    public long LedgerSequence { get; set; }

    [Id(1)]
    public ContractTotals Totals { get; set; } = new();

    [Id(3)]
    public ServiceMonthTotals ServiceMonths { get; set; } = new();

    /// <summary>The lifecycle of every alert subject of this contract that ever held.</summary>
    [Id(4)]
    public AlertLifecycleState Alerts { get; set; } = new();

    [Id(5)]
    public int Version { get; set; }
}
