using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Alerts;
using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Budget;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Monitoring.Signals;

namespace SociaalDomein.Monitoring.Contracts;

/// <summary>
/// Contract grain: keeps the declared totals of one municipality × provider, raises ceiling-threshold alerts, and checks
/// every declaration line against the contract's allocations (an allocation belongs to exactly one contract).
/// The ledger is the source of truth; the grain folds ledger entries into its state in sequence order and persists
/// the position it reached, so a crash between the ledger write and the state write is caught up on the next activation.
/// Allocations and line signals live in their own tables, so the grain state stays small however many allocations there are.
/// </summary>
public sealed class ContractGrain(
    [PersistentState("contract", StorageNames.Monitoring)] IPersistentState<ContractState> state,
    IDeclarationLedger ledger,
    IAllocationStore allocationStore,
    ISignalStore signalStore,
    ICeilingStore ceilingStore,
    IAlertStore alertStore,
    IOptions<MonitoringOptions> options,
    TimeProvider clock,
    ILogger<ContractGrain> logger) : Grain, IContractGrain
{
    private ContractKey _contract;
    private IReadOnlyList<BudgetCeiling> _ceilings = [];
    private readonly Dictionary<(Standard, long), AllocationVersion> _allocations = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _contract = ContractKey.Parse(this.GetPrimaryKeyString());
        _ceilings = await ceilingStore.GetForContractAsync(_contract, cancellationToken);
        foreach (var allocation in await allocationStore.GetLatestForContractAsync(_contract, cancellationToken))
            _allocations[allocation.Key] = allocation;
        var missed = await ledger.ReadSinceAsync(_contract, state.State.LedgerSequence, cancellationToken);
        if (missed.Count > 0)
        {
            logger.LogInformation("Contract {Contract}: catching up {Count} ledger lines after sequence {Sequence}",
                _contract, missed.Count, state.State.LedgerSequence);
            await FoldAsync(missed);
        }
    }

    public async Task<ApplyResult> ApplyDeclarationLinesAsync(IReadOnlyList<DeclarationLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.MunicipalityCode != _contract.MunicipalityCode || line.ProviderAgb != _contract.ProviderAgb)
                throw new ArgumentException($"Line {line.ReferentieNummer} of message {line.MessageId} belongs to contract " +
                    $"{line.MunicipalityCode}:{line.ProviderAgb}, not to {_contract}.", nameof(lines));
        }

        var appended = await ledger.AppendAsync(lines);
        try
        {
            var raised = await FoldAsync(appended.Stored);
            return new ApplyResult(appended.Stored.Count, lines.Count - appended.Stored.Count, raised);
        }
        catch
        {
            // The ledger holds lines this activation may not have folded; a fresh activation catches up from the persisted position.
            DeactivateOnIdle();
            throw;
        }
    }

    public async Task<int> ApplyAllocationVersionsAsync(IReadOnlyList<AllocationVersion> versions)
    {
        foreach (var version in versions)
        {
            if (version.MunicipalityCode != _contract.MunicipalityCode || version.ProviderAgb != _contract.ProviderAgb)
                throw new ArgumentException($"Allocation {version.ToewijzingNummer} of message {version.MessageId} belongs to contract " +
                    $"{version.MunicipalityCode}:{version.ProviderAgb}, not to {_contract}.", nameof(versions));
        }
        await allocationStore.AppendAsync(versions);

        var changed = new List<AllocationVersion>();
        foreach (var version in versions)
        {
            if (_allocations.TryGetValue(version.Key, out var current) && !version.IsNewerThan(current)) continue;
            _allocations[version.Key] = version;
            changed.Add(version);
        }
        // Lines declared before their allocation arrived (or against an older version) are judged again.
        foreach (var standard in changed.GroupBy(v => v.Standard))
            await JudgeAllocationsAsync(standard.Key, standard.Select(v => v.ToewijzingNummer).ToHashSet());
        return changed.Count;
    }

    public async Task RefreshCeilingsAsync()
    {
        _ceilings = await ceilingStore.GetForContractAsync(_contract);
        await FoldAsync([]);
    }

    public Task<ContractSummary> GetSummaryAsync()
    {
        var totals = state.State.Totals;
        var years = totals.Years.Concat(_ceilings.Select(c => c.Year)).Distinct().Order();
        var rows = new List<ContractYearSummary>();
        foreach (var year in years)
        {
            rows.Add(new ContractYearSummary(year, null, totals.Declared(year, null), CeilingFor(year, null)));
            foreach (var ceiling in _ceilings.Where(c => c.Year == year && c.ProductCategorie is not null))
                rows.Add(new ContractYearSummary(year, ceiling.ProductCategorie, totals.Declared(year, ceiling.ProductCategorie), ceiling.CeilingCents));
        }
        return Task.FromResult(new ContractSummary(_contract, rows, state.State.LedgerSequence));
    }

    private long? CeilingFor(int year, string? category) =>
        _ceilings.FirstOrDefault(c => c.Year == year && c.ProductCategorie == category)?.CeilingCents;

    /// <summary>
    /// Judges every ledger line of the given allocations against their current versions and makes their stored
    /// allocation signals match. Reading all lines of an allocation (a year holds a dozen or so) keeps usage exact
    /// without keeping it in grain state.
    /// </summary>
    private async Task JudgeAllocationsAsync(Standard standard, IReadOnlyCollection<long> toewijzingNummers)
    {
        if (toewijzingNummers.Count == 0) return;
        var lines = await ledger.ReadForAllocationsAsync(_contract, standard, toewijzingNummers);
        if (lines.Count == 0) return;
        var signals = AllocationCheck.Judge(lines.Select(e => e.Line), nummer => _allocations.GetValueOrDefault((standard, nummer)));
        await signalStore.ReplaceAllocationSignalsAsync(_contract, standard, lines.Select(e => e.Line.ReferentieNummer).ToList(), signals);
    }

    /// <summary>
    /// Adds ledger entries above the persisted position: checks them against their allocations, evaluates thresholds,
    /// stores signals and alerts, then the state. Every step is idempotent, so a repeated fold after a crash is harmless.
    /// </summary>
    private async Task<IReadOnlyList<string>> FoldAsync(IReadOnlyList<LedgerEntry> entries)
    {
        var current = state.State;
        foreach (var standard in entries.Where(e => e.Sequence > current.LedgerSequence).GroupBy(e => e.Line.Standard))
            await JudgeAllocationsAsync(standard.Key, standard.Select(e => e.Line.ToewijzingNummer).ToHashSet());

        string? lastMessageId = null;
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            if (entry.Sequence <= current.LedgerSequence) continue;
            current.Totals.Add(entry.Year, entry.ProductCategorie, entry.AmountCents);
            current.LedgerSequence = entry.Sequence;
            lastMessageId = entry.MessageId;
        }

        var crossings = CeilingThresholds.Evaluate(_ceilings, current.Totals, options.Value.EffectiveThresholdPercents, current.Thresholds);
        var alerts = crossings.Select(c => ToAlert(c, lastMessageId)).ToList();
        if (alerts.Count > 0)
        {
            await alertStore.RecordAsync(alerts);
            foreach (var alert in alerts)
                logger.LogInformation("Alert {AlertId}: {Description}", alert.Id, alert.Description);
        }
        await state.WriteStateAsync();
        return alerts.Select(a => a.Id).ToList();
    }

    private Alert ToAlert(ThresholdCrossing crossing, string? messageId)
    {
        var scope = crossing.ProductCategorie is null ? "all categories" : $"product category {crossing.ProductCategorie}";
        var id = $"ceiling-threshold:{_contract.MunicipalityCode}:{_contract.ProviderAgb}:{crossing.Year}:" +
                 $"{crossing.ProductCategorie ?? "all"}:{crossing.Percent}:{crossing.Crossing}";
        var severity = crossing.Percent >= 100 ? "critical" : crossing.Percent >= 90 ? "warning" : "info";
        var description = $"Provider {_contract.ProviderAgb} has declared {Euro(crossing.DeclaredCents)} to municipality " +
                          $"{_contract.MunicipalityCode} for {crossing.Year} ({scope}): {crossing.Percent}% of the ceiling of " +
                          $"{Euro(crossing.CeilingCents)} is reached.";
        return new Alert(id, AlertKinds.CeilingThreshold, severity, _contract.MunicipalityCode, _contract.ProviderAgb, crossing.Year,
            crossing.ProductCategorie, crossing.Percent, crossing.DeclaredCents, crossing.CeilingCents, messageId, description,
            clock.GetUtcNow());
    }

    private static string Euro(long cents) =>
        (cents / 100m).ToString("€ #,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
