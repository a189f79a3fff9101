using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Monitoring.Contracts;

/// <summary>
/// One contract (municipality × provider), keyed by <see cref="ContractKey.ToString"/>: sums the declared amounts against
/// the budget ceilings, checks every line against its allocation, follows the answers the traffic waits for, and
/// raises, updates and resolves the contract's alerts.
/// </summary>
public interface IContractGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies declaration lines of this contract. Lines already in the ledger are skipped, so a redelivered message
    /// changes nothing. Returns when the ledger, the daily totals, the grain state and any alerts are durable.
    /// </summary>
    Task<ApplyResult> ApplyDeclarationLinesAsync(IReadOnlyList<DeclarationLine> lines);

    /// <summary>
    /// Records allocation versions from a 301 (all of this contract). A version older than the one held changes nothing;
    /// lines already declared against a changed allocation are checked again (a declaration that arrived first is resolved).
    /// Returns the number of allocations whose current version changed.
    /// </summary>
    Task<int> ApplyAllocationVersionsAsync(IReadOnlyList<AllocationVersion> versions);

    /// <summary>
    /// A whole 301 in one call: its allocation versions as <see cref="ApplyAllocationVersionsAsync"/> does, and the terms
    /// it opens or answers (<paramref name="awaited"/>) as <see cref="ApplyTrafficAsync"/> does, with one state write.
    /// </summary>
    Task<int> ApplyAllocationMessageAsync(IReadOnlyList<AllocationVersion> versions, IReadOnlyList<AwaitedAnswer> awaited);

    /// <summary>
    /// Records start/stop reports (305/307) and the terms the traffic opens or answers (315/317 → 301/319, 301 → 305,
    /// 323 → 325). A definitive stop re-checks the allocation's lines; an answer resolves an overdue LeadTime alert.
    /// </summary>
    Task ApplyTrafficAsync(ContractTraffic traffic);

    /// <summary>Reloads the ceilings (after a contract amendment) and re-evaluates the thresholds at once.</summary>
    Task RefreshCeilingsAsync();

    /// <summary>
    /// Re-evaluates what depends on the day (lead times, pacing, forecast) as of today; the silo calls it for every
    /// contract when the day may have changed. Returns the ids of alerts that changed.
    /// </summary>
    Task<IReadOnlyList<string>> EvaluateAsync();

    Task<ContractSummary> GetSummaryAsync();
}

/// <summary>What applying a batch of lines did.</summary>
/// <param name="NewLines">Lines stored for the first time.</param>
/// <param name="DuplicateLines">Lines skipped because their ReferentieNummer was already in the ledger.</param>
/// <param name="AlertsRaised">Ids of alerts this batch raised, updated or resolved.</param>
[GenerateSerializer, Immutable]
public sealed record ApplyResult(
    [property: Id(0)] int NewLines,
    [property: Id(1)] int DuplicateLines,
    [property: Id(2)] IReadOnlyList<string> AlertsRaised);

/// <summary>A contract's declared totals and ceilings per year.</summary>
/// <param name="AllocationsHeld">Allocation numbers the grain holds in memory (those of settled years are forgotten).</param>
[GenerateSerializer, Immutable]
public sealed record ContractSummary(
    [property: Id(0)] ContractKey Contract,
    [property: Id(1)] IReadOnlyList<ContractYearSummary> Years,
    [property: Id(2)] long LedgerSequence,
    [property: Id(3)] int AllocationsHeld = 0);

/// <param name="ProductCategorie">null: all categories together.</param>
/// <param name="CeilingCents">null when no ceiling is agreed for this year and category.</param>
/// <param name="ProjectedCents">The year-end forecast, when a ceiling is agreed.</param>
/// <param name="ForecastMethod">How <paramref name="ProjectedCents"/> was made.</param>
[GenerateSerializer, Immutable]
public sealed record ContractYearSummary(
    [property: Id(0)] int Year,
    [property: Id(1)] string? ProductCategorie,
    [property: Id(2)] long DeclaredCents,
    [property: Id(3)] long? CeilingCents,
    [property: Id(4)] long? ProjectedCents = null,
    [property: Id(5)] string? ForecastMethod = null);
