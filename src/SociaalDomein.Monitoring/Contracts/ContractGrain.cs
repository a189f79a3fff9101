using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Alerts;
using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Budget;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Monitoring.Rules.Forecasting;
using SociaalDomein.Monitoring.Rules.Lifecycle;
using SociaalDomein.Monitoring.Signals;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Monitoring.Contracts;

/// <summary>
/// Contract grain: keeps the declared totals of one municipality × provider, checks every declaration line against the
/// contract's allocations, follows the answers the traffic waits for, and keeps the contract's alerts.
/// The ledger is the source of truth; the grain folds ledger entries into its state in sequence order and persists
/// the position it reached, so a crash between the ledger write and the state write is caught up on the next activation.
/// Allocations, their usage and the awaited answers are rebuilt from their tables on activation, so the persisted
/// state stays small however many allocations there are.
/// </summary>
public sealed class ContractGrain(
    [PersistentState("contract", StorageNames.Monitoring)] IPersistentState<ContractState> state,
    IDeclarationLedger ledger,
    IAllocationStore allocationStore,
    IAwaitedAnswerStore awaitedStore,
    ISignalStore signalStore,
    ICeilingStore ceilingStore,
    IRegionalCeilingStore regionalCeilingStore,
    IAlertStore alertStore,
    IOptions<MonitoringOptions> options,
    IMonitoringDay day,
    TimeProvider clock,
    ILogger<ContractGrain> logger) : Grain, IContractGrain
{
    private ContractKey _contract;
    private IReadOnlyList<BudgetCeiling> _ceilings = [];
    private IReadOnlyList<string> _regions = [];
    private readonly ContractAllocations _allocations = new();
    private readonly Dictionary<string, AwaitedAnswer> _open = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _contract = ContractKey.Parse(this.GetPrimaryKeyString());
        _ceilings = await ceilingStore.GetForContractAsync(_contract, cancellationToken);
        _regions = await RegionsTakingPartAsync(cancellationToken);
        await LoadAllocationsAsync(cancellationToken);
        _allocations.ForgetSettled(Settlement.FirstOpenYear(day.Today));
        foreach (var awaited in await awaitedStore.GetOpenAsync(_contract, cancellationToken))
            _open[awaited.Key] = awaited;

        if (state.State.Version < ContractState.CurrentVersion)
            await UpgradeStateAsync(cancellationToken);

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

        // Each 323 opens the 10-working-day term for its 325; recording it again (the next batch, a redelivery) changes nothing.
        var declarations = lines.DistinctBy(l => l.MessageId)
            .Select(l => AwaitedAnswer.Started(Rules.LeadTimes.LeadTimeRule.DeclarationAnswer, l.MessageId, l.Dagtekening, l.MessageId))
            .ToList();
        await RecordAwaitedAsync(declarations, []);

        var appended = await ledger.AppendAsync(lines);
        try
        {
            var changed = await FoldAsync(appended.Stored);
            return new ApplyResult(appended.Stored.Count, lines.Count - appended.Stored.Count, changed);
        }
        catch
        {
            // The ledger holds lines this activation may not have folded; a fresh activation catches up from the persisted position.
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<int> ApplyAllocationVersionsAsync(IReadOnlyList<AllocationVersion> versions) => ApplyAllocationMessageAsync(versions, []);

    public async Task<int> ApplyAllocationMessageAsync(IReadOnlyList<AllocationVersion> versions, IReadOnlyList<AwaitedAnswer> awaited)
    {
        foreach (var version in versions)
        {
            if (version.MunicipalityCode != _contract.MunicipalityCode || version.ProviderAgb != _contract.ProviderAgb)
                throw new ArgumentException($"Allocation {version.ToewijzingNummer} of message {version.MessageId} belongs to contract " +
                    $"{version.MunicipalityCode}:{version.ProviderAgb}, not to {_contract}.", nameof(versions));
        }
        await EnsureHeldAsync(versions.Select(v => v.Key), []);
        await allocationStore.AppendAsync(versions);

        // The periods before and after the change: a forecast can move only in the years either of them touches.
        var periods = versions.Select(v => _allocations.Version(v.Key)).OfType<AllocationVersion>().ToList();
        var changedVersions = versions.Where(_allocations.Apply).ToList();
        periods.AddRange(changedVersions);
        var changed = changedVersions.Select(v => v.Key).Distinct().ToList();
        var candidates = new List<AlertCandidate>();
        // Lines declared before their allocation arrived (or against an older version) are judged again.
        candidates.AddRange(await RejudgeAsync(changed));
        if (changed.Count > 0) candidates.AddRange(BudgetCandidates(YearsMovedByAllocations(periods)));
        await RecordAwaitedAsync(awaited, candidates);
        await ApplyCandidatesAsync(candidates, versions.LastOrDefault()?.MessageId ?? awaited.Select(a => a.AnswerMessageId ?? a.MessageId).LastOrDefault(id => id is not null));
        return changed.Count;
    }

    public async Task ApplyTrafficAsync(ContractTraffic traffic)
    {
        foreach (var report in traffic.CareReports)
        {
            if (report.MunicipalityCode != _contract.MunicipalityCode || report.ProviderAgb != _contract.ProviderAgb)
                throw new ArgumentException($"Care report of allocation {report.ToewijzingNummer} in message {report.MessageId} belongs to " +
                    $"contract {report.MunicipalityCode}:{report.ProviderAgb}, not to {_contract}.", nameof(traffic));
        }
        await EnsureHeldAsync(traffic.CareReports.Select(r => r.AllocationKey), []);
        await allocationStore.AppendCareReportsAsync(traffic.CareReports);
        var stopsChanged = traffic.CareReports.Where(_allocations.Apply).Select(r => r.AllocationKey).Distinct().ToList();

        var candidates = new List<AlertCandidate>();
        candidates.AddRange(await RejudgeAsync(stopsChanged));
        await RecordAwaitedAsync(traffic.Awaited, candidates);
        var messageId = traffic.CareReports.Select(r => r.MessageId)
            .Concat(traffic.Awaited.Select(a => a.AnswerMessageId ?? a.MessageId)).LastOrDefault(id => id is not null);
        await ApplyCandidatesAsync(candidates, messageId);
    }

    public async Task RefreshCeilingsAsync()
    {
        _ceilings = await ceilingStore.GetForContractAsync(_contract);
        _regions = await RegionsTakingPartAsync(CancellationToken.None);
        var candidates = BudgetCandidates().ToList();
        // A withdrawn ceiling leaves nothing to evaluate: its money alerts are resolved with their last figures.
        var evaluated = candidates.Select(c => c.Observation.Subject.Key).ToHashSet();
        foreach (var (key, track) in state.State.Alerts.Tracks.Where(t => t.Value.Active && !evaluated.Contains(t.Key)).ToList())
        {
            if (!IsMoneyKind(key)) continue;
            var kind = key.StartsWith("pacing:", StringComparison.Ordinal) ? AlertKind.Pacing
                : key.StartsWith("forecast:", StringComparison.Ordinal) ? AlertKind.Forecast : AlertKind.CeilingThreshold;
            var subject = new AlertSubject(key, kind, _contract.MunicipalityCode, _contract.ProviderAgb, track.Year, CategoryOf(key));
            candidates.Add(new AlertCandidate(new AlertObservation(subject, false, track.Figures!, track.Severity!),
                $"The ceiling this alert was held against (provider {_contract.ProviderAgb}, municipality {_contract.MunicipalityCode}, " +
                $"{track.Year}) was withdrawn."));
        }
        await ApplyCandidatesAsync(candidates, null);
    }

    public async Task<IReadOnlyList<string>> EvaluateAsync()
    {
        var today = day.Today;
        var candidates = BudgetCandidates().ToList();
        candidates.AddRange(_open.Values.Select(a => ContractAlertRules.LeadTime(_contract, a, options.Value, today)));
        // Resolved alerts of years two or more back can no longer change (declarations for a year are settled in the
        // next): forgetting them keeps the state bounded by two years of alerts, however long the contract runs.
        var firstOpenYear = Settlement.FirstOpenYear(today);
        var forgotten = AlertLifecycle.ForgetInactiveBefore(state.State.Alerts, firstOpenYear);
        // Allocations that ended in a settled year likewise: the grain holds the open years' allocations, not its history.
        _allocations.ForgetSettled(firstOpenYear);
        return await ApplyCandidatesAsync(candidates, null, writeState: forgotten > 0);
    }

    public Task<ContractSummary> GetSummaryAsync()
    {
        var totals = state.State.Totals;
        var today = day.Today;
        var years = totals.Years.Concat(_ceilings.Select(c => c.Year)).Distinct().Order();
        var rows = new List<ContractYearSummary>();
        foreach (var year in years)
        {
            foreach (var category in _ceilings.Where(c => c.Year == year && c.ProductCategorie is not null).Select(c => c.ProductCategorie).Prepend(null))
            {
                var ceiling = _ceilings.FirstOrDefault(c => c.Year == year && c.ProductCategorie == category)?.CeilingCents;
                var forecast = ceiling is > 0
                    ? ContractAlertRules.Forecast(_contract, year, category, ceiling.Value, state.State.ServiceMonths, _allocations, options.Value, today)
                    : null;
                rows.Add(new ContractYearSummary(year, category, totals.Declared(year, category), ceiling,
                    forecast?.Observation.Figures.Actual, forecast?.Observation.Figures.Basis));
            }
        }
        return Task.FromResult(new ContractSummary(_contract, rows, state.State.LedgerSequence, _allocations.HeldCount));
    }

    /// <summary>
    /// Adds ledger entries above the persisted position: checks each against its allocation and what was declared
    /// before it, adds it to the totals, stores the signals, evaluates the alerts, then writes the state. Every step is
    /// idempotent, so a repeated fold after a crash is harmless.
    /// </summary>
    private async Task<IReadOnlyList<string>> FoldAsync(IReadOnlyList<LedgerEntry> entries)
    {
        var current = state.State;
        // Lazy: a grain that forgot nothing (the usual case) returns before enumerating, so no list per declaration.
        var unfolded = entries.Where(e => e.Sequence > current.LedgerSequence).Select(e => e.Line);
        await EnsureHeldAsync(unfolded.Select(l => (l.Standard, l.ToewijzingNummer)), unfolded.Select(l => l.Year));
        var signals = new List<LineSignal>();
        var judged = new List<DeclarationLine>();
        string? lastMessageId = null;
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            if (entry.Sequence <= current.LedgerSequence) continue;
            var line = entry.Line;
            signals.AddRange(_allocations.CheckAndRecord(line));
            judged.Add(line);
            current.Totals.Add(entry.Year, entry.ProductCategorie, entry.AmountCents);
            current.ServiceMonths.Add(Rules.Calendar.ServiceMonth.Of(line.PeriodBegin), line.ProductCategorie, line.AmountCents);
            current.LedgerSequence = entry.Sequence;
            lastMessageId = entry.MessageId;
        }

        foreach (var standard in judged.GroupBy(l => l.Standard))
        {
            await signalStore.ReplaceAllocationSignalsAsync(_contract, standard.Key, standard.Select(l => l.ReferentieNummer).ToList(),
                signals.Where(s => s.Standard == standard.Key).ToList());
        }

        // Only the years these lines were declared for are evaluated: the figures of other years did not move.
        var years = judged.Select(l => l.Year).Distinct().ToList();
        var candidates = new List<AlertCandidate>();
        if (judged.Count > 0)
        {
            candidates.AddRange(BudgetCandidates(years.ToHashSet()));
            foreach (var key in judged.Select(l => (l.Standard, l.ToewijzingNummer)).Distinct())
                candidates.AddRange(ContractAlertRules.OverDeclaration(_contract, key, _allocations, current.Alerts));
            candidates.AddRange(ContractAlertRules.WithoutAllocation(_contract, years, _allocations));
        }
        var changed = await ApplyCandidatesAsync(candidates, lastMessageId, writeState: true);
        if (judged.Count == 0 || _regions.Count == 0) return changed;
        // The region-wide ceilings this municipality takes part in count these lines too.
        var regional = new List<string>(changed);
        foreach (var region in _regions)
            regional.AddRange(await GrainFactory.GetGrain<IRegionalCeilingGrain>($"{region}:{_contract.ProviderAgb}").EvaluateYearsAsync(years));
        return regional;
    }

    private async Task LoadAllocationsAsync(CancellationToken cancellationToken) =>
        _allocations.Load(
            await allocationStore.GetLatestForContractAsync(_contract, cancellationToken),
            await allocationStore.GetCareReportsForContractAsync(_contract, cancellationToken),
            await ledger.ReadAllocationUsageAsync(_contract, state.State.LedgerSequence, cancellationToken));

    /// <summary>
    /// Reads the contract's allocations back when something is about to be applied that may concern one the grain forgot:
    /// an item of a settled year, or an allocation number the grain does not hold but the stores or the folded ledger
    /// know. New allocation numbers (the common case) cost one lookup, and only in a grain that forgot something.
    /// </summary>
    private async Task EnsureHeldAsync(IEnumerable<(Standard Standard, long ToewijzingNummer)> keys, IEnumerable<int> years)
    {
        if (!_allocations.HasForgotten) return;
        var reason = years.Where(y => y < _allocations.HeldFromYear).Select(y => $"an item of settled year {y}").FirstOrDefault();
        if (reason is null)
        {
            var unknown = keys.Where(k => !_allocations.Holds(k)).Distinct().ToList();
            if (unknown.Count > 0 && await AnyKnownAsync(unknown)) reason = "an allocation it had forgotten";
        }
        if (reason is null) return;
        logger.LogInformation("Contract {Contract}: reading its allocations back for {Reason}", _contract, reason);
        await LoadAllocationsAsync(CancellationToken.None);
    }

    private async Task<bool> AnyKnownAsync(IReadOnlyList<(Standard Standard, long ToewijzingNummer)> keys)
    {
        if (await allocationStore.AnyStoredAsync(_contract, keys)) return true;
        foreach (var standard in keys.GroupBy(k => k.Standard))
        {
            var entries = await ledger.ReadForAllocationsAsync(_contract, standard.Key, standard.Select(k => k.ToewijzingNummer).ToList());
            if (entries.Any(e => e.Sequence <= state.State.LedgerSequence)) return true;
        }
        return false;
    }

    private async Task<IReadOnlyList<string>> RegionsTakingPartAsync(CancellationToken cancellationToken) =>
        (await regionalCeilingStore.GetForProviderAsync(_contract.ProviderAgb, cancellationToken))
            .Where(c => c.Participants.Contains(_contract.MunicipalityCode)).Select(c => c.RegionCode).Distinct().ToList();

    /// <summary>Judges every line of the given allocations again and returns the alert conditions that may have changed.</summary>
    private async Task<IReadOnlyList<AlertCandidate>> RejudgeAsync(IReadOnlyList<(Standard Standard, long ToewijzingNummer)> keys)
    {
        var candidates = new List<AlertCandidate>();
        var years = new HashSet<int>();
        foreach (var standard in keys.GroupBy(k => k.Standard))
        {
            var numbers = standard.Select(k => k.ToewijzingNummer).ToHashSet();
            // Most new versions are of allocations nothing was declared against yet (a fresh 301): no ledger read for those.
            var withLines = numbers.Where(n => _allocations.HasDeclaredLines((standard.Key, n))).ToList();
            IReadOnlyList<LedgerEntry> entries = withLines.Count == 0 ? [] : await ledger.ReadForAllocationsAsync(_contract, standard.Key, withLines);
            var byNumber = entries.Where(e => e.Sequence <= state.State.LedgerSequence).GroupBy(e => e.Line.ToewijzingNummer)
                .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList());
            var signals = new List<LineSignal>();
            foreach (var number in numbers)
            {
                var key = (standard.Key, number);
                var lines = byNumber.GetValueOrDefault(number) ?? [];
                signals.AddRange(_allocations.Rejudge(key, lines));
                candidates.AddRange(ContractAlertRules.OverDeclaration(_contract, key, _allocations, state.State.Alerts));
                foreach (var entry in lines) years.Add(entry.Year);
            }
            var references = byNumber.Values.SelectMany(l => l).Select(e => e.Line.ReferentieNummer).ToList();
            if (references.Count > 0)
                await signalStore.ReplaceAllocationSignalsAsync(_contract, standard.Key, references, signals);
        }
        // The per-year sum without allocation needs every allocation of the year, also of a settled year.
        await EnsureHeldAsync([], years);
        candidates.AddRange(ContractAlertRules.WithoutAllocation(_contract, years, _allocations));
        return candidates;
    }

    /// <summary>Stores halves of awaited answers; an answered term leaves the open set and its LeadTime alert, if any, resolves.</summary>
    private async Task RecordAwaitedAsync(IReadOnlyList<AwaitedAnswer> halves, List<AlertCandidate> candidates)
    {
        if (halves.Count == 0) return;
        var today = day.Today;
        foreach (var row in await awaitedStore.RecordAsync(_contract, halves))
        {
            if (row.IsOpen)
            {
                _open[row.Key] = row;
                continue;
            }
            if (_open.Remove(row.Key) && row.StartDay is not null)
                candidates.Add(ContractAlertRules.LeadTime(_contract, row, options.Value, today));
        }
    }

    /// <param name="years">The years whose figures may have changed; null for every year with a ceiling.</param>
    private IEnumerable<AlertCandidate> BudgetCandidates(IReadOnlySet<int>? years = null) =>
        ContractAlertRules.Budget(_contract, _ceilings, state.State.Totals, state.State.ServiceMonths, _allocations, options.Value,
            day.Today, years);

    /// <summary>
    /// The years whose forecast a change of these allocations can move: years their periods touch (before or after the
    /// change) that have begun and are not yet fully declared (usually this year, and last year until its December is
    /// complete). Thresholds and pacing do not depend on allocations.
    /// </summary>
    private IReadOnlySet<int> YearsMovedByAllocations(IReadOnlyList<AllocationVersion> periods)
    {
        var today = day.Today;
        return _ceilings.Select(c => c.Year).Distinct()
            .Where(y => YearEndForecast.DependsOnAllocations(y, today, options.Value.DeclarationLagWorkingDays)
                        && periods.Any(v => v.Ingangsdatum.Year <= y && (v.Einddatum is not { } end || end.Year >= y)))
            .ToHashSet();
    }

    /// <summary>
    /// Runs the candidates through the alert lifecycle and stores the changes; writes the state when the lifecycle
    /// changed (or when asked). Figures that moved too little to matter leave an open alert as it is.
    /// </summary>
    private async Task<IReadOnlyList<string>> ApplyCandidatesAsync(IReadOnlyList<AlertCandidate> candidates, string? messageId, bool writeState = false)
    {
        var lifecycle = state.State.Alerts;
        var changes = new List<Alert>();
        foreach (var candidate in candidates)
        {
            var observation = candidate.Observation;
            if (observation.Holds && lifecycle.Tracks.TryGetValue(observation.Subject.Key, out var track) && track is { Active: true, Figures: { } before } &&
                track.Severity == observation.Severity && !ContractAlertRules.IsMaterial(before, observation.Figures))
                continue;
            if (AlertLifecycle.Observe(lifecycle, observation) is { } transition)
                changes.Add(ToAlert(transition, candidate, messageId));
        }

        if (changes.Count > 0)
        {
            await alertStore.RecordAsync(changes);
            foreach (var alert in changes)
                logger.LogInformation("Alert {AlertId} {Change} (revision {Revision}): {Description}", alert.Id, alert.Change, alert.Revision, alert.Description);
        }
        if (changes.Count > 0 || writeState)
        {
            state.State.Version = ContractState.CurrentVersion;
            await state.WriteStateAsync();
        }
        return changes.Select(a => a.Id).Distinct().ToList();
    }

    private Alert ToAlert(AlertTransition transition, AlertCandidate candidate, string? messageId)
    {
        var subject = transition.Subject;
        var description = transition.Change == AlertChange.Resolved ? $"Resolved: {candidate.Description}" : candidate.Description;
        return new Alert(transition.AlertId, subject.Kind.ToString(), transition.Severity, subject.Scope, subject.ProviderAgb, subject.Year,
            subject.ProductCategorie, candidate.ThresholdPercent, candidate.DeclaredCents, candidate.CeilingCents, messageId, description,
            clock.GetUtcNow(), AlertChanges.Name(transition.Change), transition.Revision, transition.Figures);
    }

    /// <summary>A state written before service-month totals existed: they are summed from the ledger up to the folded position.</summary>
    private async Task UpgradeStateAsync(CancellationToken cancellationToken)
    {
        if (state.State.LedgerSequence == 0) return;
        var months = new ServiceMonthTotals();
        foreach (var entry in await ledger.ReadSinceAsync(_contract, 0, cancellationToken))
        {
            if (entry.Sequence > state.State.LedgerSequence) break;
            months.Add(Rules.Calendar.ServiceMonth.Of(entry.Line.PeriodBegin), entry.ProductCategorie, entry.AmountCents);
        }
        state.State.ServiceMonths = months;
    }

    private static bool IsMoneyKind(string key) =>
        key.StartsWith("ceiling-threshold:", StringComparison.Ordinal) || key.StartsWith("pacing:", StringComparison.Ordinal) ||
        key.StartsWith("forecast:", StringComparison.Ordinal);

    /// <summary>The category part of a money alert key (…:{year}:{category|all}[:{percent}]).</summary>
    private static string? CategoryOf(string key)
    {
        var parts = key.Split(':');
        var category = key.StartsWith("ceiling-threshold:", StringComparison.Ordinal) ? parts[^2] : parts[^1];
        return category == "all" ? null : category;
    }
}
