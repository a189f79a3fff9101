using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Monitoring.Alerts;
using SociaalDomein.Monitoring.Budget;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Rules.Lifecycle;
using SociaalDomein.Monitoring.Rules.RegionalCeilings;

namespace SociaalDomein.Monitoring.Ceilings;

/// <summary>
/// Regional ceiling grain: holds a provider's region-wide ceilings against the sum declared by the municipalities that
/// take part in the contract (Wijchen takes part in only some). The totals come from the ledger each time, so the grain
/// keeps only its alerts' lifecycle; contract grains ask it to evaluate after they fold new lines.
/// </summary>
public sealed class RegionalCeilingGrain(
    [PersistentState("regional", StorageNames.Monitoring)] IPersistentState<RegionalCeilingState> state,
    IRegionalCeilingStore store,
    IAlertStore alertStore,
    IOptions<MonitoringOptions> options,
    TimeProvider clock,
    ILogger<RegionalCeilingGrain> logger) : Grain, IRegionalCeilingGrain
{
    public Task<IReadOnlyList<string>> EvaluateAsync() => EvaluateAsync(null);

    public Task<IReadOnlyList<string>> EvaluateYearsAsync(IReadOnlyList<int> years) => EvaluateAsync(years);

    private async Task<IReadOnlyList<string>> EvaluateAsync(IReadOnlyList<int>? years)
    {
        var key = this.GetPrimaryKeyString();
        var separator = key.LastIndexOf(':');
        var (region, provider) = (key[..separator], key[(separator + 1)..]);
        var ceilings = (await store.GetForProviderAsync(provider))
            .Where(c => c.RegionCode == region && (years is null || years.Contains(c.Year))).ToList();

        var changes = new List<Alert>();
        foreach (var ceiling in ceilings)
        {
            var declared = await store.GetDeclaredByMunicipalityAsync(provider, ceiling.Year, ceiling.ProductCategorie);
            var evaluation = RegionalCeiling.Evaluate(ceiling.CeilingCents, ceiling.Participants, declared, options.Value.EffectiveThresholdPercents);
            foreach (var percent in options.Value.EffectiveThresholdPercents)
            {
                var subject = AlertSubject.CeilingThreshold(region, provider, ceiling.Year, ceiling.ProductCategorie, percent);
                var holds = evaluation.ReachedPercents.Contains(percent);
                var figures = new AlertFigures(evaluation.DeclaredCents, ceiling.CeilingCents, "cent", $"{percent}%");
                if (holds && state.State.Alerts.Tracks.TryGetValue(subject.Key, out var track) && track is { Active: true, Figures: { } before } &&
                    !ContractAlertRules.IsMaterial(before, figures))
                    continue;
                if (AlertLifecycle.Observe(state.State.Alerts, new AlertObservation(subject, holds, figures, AlertSeverity.ForThreshold(percent))) is not { } transition)
                    continue;
                var outside = evaluation.OutsideContractCents == 0 ? "" :
                    $"; {ContractAlertRules.Euro(evaluation.OutsideContractCents)} declared by municipalities outside the contract is not counted";
                var description = $"Provider {provider} has declared {ContractAlertRules.Euro(evaluation.DeclaredCents)} for {ceiling.Year} " +
                                  $"({(ceiling.ProductCategorie is null ? "all categories" : $"product category {ceiling.ProductCategorie}")}) to the " +
                                  $"{ceiling.Participants.Count} municipalities of region {region} in the contract: " +
                                  $"{evaluation.UsePercent.ToString(CultureInfo.InvariantCulture)}% of the regional ceiling of {ContractAlertRules.Euro(ceiling.CeilingCents)}" +
                                  $"{outside}; the {percent}% threshold is {(holds ? "reached" : "no longer reached")}.";
                changes.Add(new Alert(transition.AlertId, AlertKinds.CeilingThreshold, transition.Severity, region, provider, ceiling.Year,
                    ceiling.ProductCategorie, percent, evaluation.DeclaredCents, ceiling.CeilingCents, null,
                    transition.Change == AlertChange.Resolved ? $"Resolved: {description}" : description, clock.GetUtcNow(),
                    AlertChanges.Name(transition.Change), transition.Revision, transition.Figures));
            }
        }

        if (changes.Count > 0)
        {
            await alertStore.RecordAsync(changes);
            await state.WriteStateAsync();
            foreach (var alert in changes)
                logger.LogInformation("Alert {AlertId} {Change} (revision {Revision}): {Description}", alert.Id, alert.Change, alert.Revision, alert.Description);
        }
        return changes.Select(a => a.Id).ToList();
    }
}
