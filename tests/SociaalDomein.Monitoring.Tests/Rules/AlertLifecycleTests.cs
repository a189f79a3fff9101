using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Rules.Calendar;
using SociaalDomein.Monitoring.Rules.LeadTimes;
using SociaalDomein.Monitoring.Rules.Lifecycle;

namespace SociaalDomein.Monitoring.Tests.Rules;

public sealed class AlertLifecycleTests
{
    private static readonly AlertSubject Pacing = AlertSubject.Pacing("0268", "12345678", 2026, null);
    private readonly AlertLifecycleState _state = new();

    private static AlertObservation Seen(bool holds, long declared, string severity = AlertSeverity.Warning) =>
        new(Pacing, holds, new AlertFigures(declared, 27_123_287, "cent"), severity);

    [Fact]
    public void A_condition_that_begins_to_hold_raises_an_alert_with_an_id_from_the_facts()
    {
        var raised = AlertLifecycle.Observe(_state, Seen(true, 27_500_000));

        Assert.Equal((AlertChange.Raised, "pacing:0268:12345678:2026:all:1", 1), (raised!.Change, raised.AlertId, raised.Occurrence));
        Assert.Equal(new AlertFigures(27_500_000, 27_123_287, "cent"), raised.Figures);
    }

    [Fact]
    public void Observing_the_same_facts_again_changes_nothing()
    {
        AlertLifecycle.Observe(_state, Seen(true, 27_500_000));

        Assert.Null(AlertLifecycle.Observe(_state, Seen(true, 27_500_000)));
    }

    [Fact]
    public void While_it_holds_new_figures_or_a_new_severity_update_the_same_alert()
    {
        AlertLifecycle.Observe(_state, Seen(true, 27_500_000));

        var figures = AlertLifecycle.Observe(_state, Seen(true, 28_000_000));
        var severity = AlertLifecycle.Observe(_state, Seen(true, 28_000_000, AlertSeverity.Critical));

        Assert.Equal((AlertChange.Updated, "pacing:0268:12345678:2026:all:1", 28_000_000L), (figures!.Change, figures.AlertId, figures.Figures.Actual));
        Assert.Equal((AlertChange.Updated, AlertSeverity.Critical), (severity!.Change, severity.Severity));
    }

    [Fact]
    public void It_resolves_once_when_the_condition_no_longer_holds_and_a_later_recurrence_is_a_new_alert()
    {
        AlertLifecycle.Observe(_state, Seen(true, 27_500_000));

        var resolved = AlertLifecycle.Observe(_state, Seen(false, 20_000_000));
        Assert.Equal((AlertChange.Resolved, "pacing:0268:12345678:2026:all:1", 20_000_000L), (resolved!.Change, resolved.AlertId, resolved.Figures.Actual));
        Assert.Null(AlertLifecycle.Observe(_state, Seen(false, 19_000_000)));

        var again = AlertLifecycle.Observe(_state, Seen(true, 30_000_000));
        Assert.Equal((AlertChange.Raised, "pacing:0268:12345678:2026:all:2"), (again!.Change, again.AlertId));
    }

    [Fact]
    public void A_condition_that_never_held_keeps_no_state()
    {
        Assert.Null(AlertLifecycle.Observe(_state, Seen(false, 1)));
        Assert.Empty(_state.Tracks);
    }

    [Fact]
    public void Replaying_the_same_observations_from_scratch_gives_the_same_alerts()
    {
        AlertObservation[] history = [Seen(true, 27_500_000), Seen(true, 28_000_000), Seen(false, 1), Seen(true, 30_000_000), Seen(true, 30_000_000)];

        var first = AlertLifecycle.ObserveAll(new AlertLifecycleState(), history);
        var replay = AlertLifecycle.ObserveAll(new AlertLifecycleState(), history);

        Assert.Equal(first, replay);
        Assert.Equal(["pacing:0268:12345678:2026:all:1", "pacing:0268:12345678:2026:all:2"],
            first.Where(t => t.Change == AlertChange.Raised).Select(t => t.AlertId));
    }

    [Fact]
    public void A_withdrawn_subject_resolves_with_its_last_figures()
    {
        AlertLifecycle.Observe(_state, Seen(true, 27_500_000));

        var withdrawn = AlertLifecycle.Withdraw(_state, Pacing);

        Assert.Equal((AlertChange.Resolved, 27_500_000L), (withdrawn!.Change, withdrawn.Figures.Actual));
        Assert.Null(AlertLifecycle.Withdraw(_state, Pacing));
    }

    [Fact]
    public void Inactive_tracks_of_closed_years_can_be_forgotten()
    {
        var lastYear = AlertSubject.Forecast("0268", "12345678", 2025, "45");
        AlertLifecycle.Observe(_state, new AlertObservation(lastYear, true, new AlertFigures(2, 1, "cent"), AlertSeverity.Warning));
        AlertLifecycle.Observe(_state, new AlertObservation(lastYear, false, new AlertFigures(1, 1, "cent"), AlertSeverity.Warning));
        AlertLifecycle.Observe(_state, Seen(true, 27_500_000));

        Assert.Equal(1, AlertLifecycle.ForgetInactiveBefore(_state, 2026));
        Assert.Equal([Pacing.Key], _state.Tracks.Keys);
    }

    [Fact]
    public void Every_kind_has_a_stable_id_derived_from_its_facts()
    {
        Assert.Equal("ceiling-threshold:0268:12345678:2026:all:75:1",
            AlertSubject.CeilingThreshold("0268", "12345678", 2026, null, 75).AlertId(1));
        Assert.Equal("forecast:0268:12345678:2026:45:1", AlertSubject.Forecast("0268", "12345678", 2026, "45").AlertId(1));
        Assert.Equal("over-declaration:0268:12345678:ijw:1001:9321:2026-02:1",
            AlertSubject.OverDeclaration("0268", "12345678", Standard.IJw, 1001, "9321", new ServiceMonth(2026, 2), new DateOnly(2025, 11, 1)).AlertId(1));
        Assert.Equal(2025, AlertSubject.OverDeclaration("0268", "12345678", Standard.IWmo, 7, "9369", null, new DateOnly(2025, 11, 1)).Year);
        Assert.Equal("declaration-without-allocation:0268:12345678:2026:1", AlertSubject.DeclarationWithoutAllocation("0268", "12345678", 2026).AlertId(1));
        Assert.Equal("lead-time:0268:12345678:declaration-answer:ijw:323:12345678:D-7:1",
            AlertSubject.LeadTime("0268", "12345678", LeadTimeRule.DeclarationAnswer, "ijw:323:12345678:D-7", new DateOnly(2026, 4, 24)).AlertId(1));

        Assert.Equal(
            [AlertKind.CeilingThreshold, AlertKind.Pacing, AlertKind.Forecast, AlertKind.OverDeclaration, AlertKind.DeclarationWithoutAllocation, AlertKind.LeadTime],
            Enum.GetValues<AlertKind>());
        Assert.Equal(["CeilingThreshold", "Pacing", "Forecast", "OverDeclaration", "DeclarationWithoutAllocation", "LeadTime"],
            Enum.GetNames<AlertKind>());
    }

    [Fact]
    public void A_ceiling_threshold_runs_the_same_lifecycle_as_the_skeletons_re_arming_thresholds()
    {
        var subject = AlertSubject.CeilingThreshold("0268", "12345678", 2026, null, 75);
        AlertObservation At(long declared) =>
            new(subject, declared * 100 >= 1_000_000L * 75, new AlertFigures(declared, 1_000_000, "cent", "75%"), AlertSeverity.ForThreshold(75));

        var ids = AlertLifecycle.ObserveAll(_state, [At(749_999), At(750_000), At(810_000), At(710_000), At(750_000)])
            .Select(t => $"{t.Change}:{t.AlertId}");

        Assert.Equal([
            "Raised:ceiling-threshold:0268:12345678:2026:all:75:1",
            "Updated:ceiling-threshold:0268:12345678:2026:all:75:1",
            "Resolved:ceiling-threshold:0268:12345678:2026:all:75:1",
            "Raised:ceiling-threshold:0268:12345678:2026:all:75:2",
        ], ids);
    }
}
