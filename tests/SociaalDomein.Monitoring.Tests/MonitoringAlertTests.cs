using Npgsql;
using Orleans.TestingHost;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Alerts;
using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Rules.AllocationChecks;
using SociaalDomein.Monitoring.Rules.LeadTimes;
using SociaalDomein.Monitoring.Rules.Lifecycle;
using SociaalDomein.Monitoring.Traffic;
using SociaalDomein.Storage.Alerts;
using SociaalDomein.Storage.Ceilings;
using static SociaalDomein.Monitoring.Tests.Lines;

namespace SociaalDomein.Monitoring.Tests;

/// <summary>
/// Each alert kind through the contract grain, with exact figures, as of 30 June 2026 (a Tuesday): May is the latest
/// service month whose declarations count as complete (its 10th working day after the month was 12 June).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonitoringAlertTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly ContractKey Contract = new("0268", "12345678");
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private string _connectionString = "";
    private TestCluster _cluster = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await postgres.NewMigratedDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        _cluster = await TestClusters.StartAsync(_connectionString, AsOf);
    }

    private IContractGrain Grain => _cluster.GrainFactory.GetGrain<IContractGrain>(Contract.ToString());

    /// <summary>4 hours a week from 1 January 2026, open-ended.</summary>
    private static AllocationVersion FourHoursAWeek(long nummer, TimeOnly? at = null, long hours = 4) =>
        new(Standard.IJw, "0268", "12345678", nummer, new string('a', 64), "45", "45A03", new DateOnly(2026, 1, 2), at ?? new TimeOnly(9, 0),
            new DateOnly(2026, 1, 1), null, false, hours, "04", "2", null, "ijw:301:0268:T1");

    private async Task<IReadOnlyList<Alert>> AlertsAsync(string kind) =>
        (await new PostgresAlertStore(_dataSource).GetAllAsync()).Where(a => a.Kind == kind).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Declaring_more_hours_than_the_weeks_of_May_allow_raises_an_over_declaration_that_a_correction_resolves()
    {
        // May 2026 touches 5 calendar weeks: 5 × 4 h = 1 200 minutes allowed; 25 h = 1 500 minutes declared.
        await Grain.ApplyAllocationVersionsAsync([FourHoursAWeek(1001)]);
        await Grain.ApplyDeclarationLinesAsync([Line("R1", 250_000) with { GeleverdVolume = 25 }]);

        var raised = Assert.Single(await AlertsAsync(AlertKinds.OverDeclaration));
        Assert.Equal(("over-declaration:0268:12345678:ijw:1001:9321:2026-05:1", "raised", 1), (raised.Id, raised.Change, raised.Revision));
        Assert.Equal(new AlertFigures(1_500, 1_200, "01", RuleCodes.VolumeAbovePeriodAllocation), raised.Figures);

        // The provider credits the line and declares the 20 hours the allocation allows.
        await Grain.ApplyDeclarationLinesAsync([
            Line("R1C", -250_000) with { GeleverdVolume = 25, VorigReferentieNummer = "R1" },
            Line("R2", 200_000) with { GeleverdVolume = 20 },
        ]);

        var resolved = Assert.Single(await AlertsAsync(AlertKinds.OverDeclaration));
        Assert.Equal(("over-declaration:0268:12345678:ijw:1001:9321:2026-05:1", "resolved", 2), (resolved.Id, resolved.Change, resolved.Revision));
        Assert.Equal(new AlertFigures(1_200, 1_200, "01", RuleCodes.VolumeAbovePeriodAllocation), resolved.Figures);
    }

    [Fact]
    public async Task A_higher_allocation_from_a_later_301_resolves_the_over_declaration_against_the_old_one()
    {
        await Grain.ApplyAllocationVersionsAsync([FourHoursAWeek(1001)]);
        await Grain.ApplyDeclarationLinesAsync([Line("R1", 250_000) with { GeleverdVolume = 25 }]);

        await Grain.ApplyAllocationVersionsAsync([FourHoursAWeek(1001, new TimeOnly(10, 0), hours: 5)]);

        var alert = Assert.Single(await AlertsAsync(AlertKinds.OverDeclaration));
        Assert.Equal(("resolved", 2), (alert.Change, alert.Revision));
        Assert.Equal(new AlertFigures(1_500, 1_500, "01", RuleCodes.VolumeAbovePeriodAllocation), alert.Figures);
    }

    [Fact]
    public async Task Lines_without_an_allocation_raise_one_alert_per_contract_year_that_the_late_301_resolves()
    {
        await Grain.ApplyDeclarationLinesAsync([Line("R1", 30_000), Line("R2", 20_000) with { ToewijzingNummer = 1002 }]);

        var raised = Assert.Single(await AlertsAsync(AlertKinds.DeclarationWithoutAllocation));
        Assert.Equal(("declaration-without-allocation:0268:12345678:2026:1", "raised", "warning"), (raised.Id, raised.Change, raised.Severity));
        Assert.Equal((50_000L, 0L, "cent"), (raised.Figures!.Actual, raised.Figures.Limit, raised.Figures.Unit));

        await Grain.ApplyAllocationVersionsAsync([FourHoursAWeek(1001)]);
        var partly = Assert.Single(await AlertsAsync(AlertKinds.DeclarationWithoutAllocation));
        Assert.Equal(("updated", 2, 20_000L), (partly.Change, partly.Revision, partly.Figures!.Actual));

        await Grain.ApplyAllocationVersionsAsync([FourHoursAWeek(1002)]);
        var resolved = Assert.Single(await AlertsAsync(AlertKinds.DeclarationWithoutAllocation));
        Assert.Equal(("resolved", 3), (resolved.Change, resolved.Revision));
    }

    [Fact]
    public async Task Spending_ahead_of_the_elapsed_share_of_the_ceiling_raises_pacing_and_the_run_rate_projects_past_the_ceiling()
    {
        await new PostgresCeilingStore(_dataSource).UpsertAsync(new BudgetCeiling(Contract, 2026, null, 1_000_000));
        await Grain.RefreshCeilingsAsync();

        // € 5 000 declared for May; no other month.
        await Grain.ApplyDeclarationLinesAsync([Line("R1", 500_000)]);

        // Pacing as of 31 May (the latest complete month): 151 of 365 days × € 10 000 = € 4 136.98 × 1.10 = € 4 550.68.
        var pacing = Assert.Single(await AlertsAsync(AlertKinds.Pacing));
        Assert.Equal(("pacing:0268:12345678:2026:all:1", "raised"), (pacing.Id, pacing.Change));
        Assert.Equal(new AlertFigures(500_000, 455_068, "cent", "pace × 1.10"), pacing.Figures);

        // Forecast: run rate € 5 000 / 5 complete months = € 1 000; June has begun (no allocation to value); 6 months to come.
        var forecast = Assert.Single(await AlertsAsync(AlertKinds.Forecast));
        Assert.Equal(("forecast:0268:12345678:2026:all:1", "raised"), (forecast.Id, forecast.Change));
        Assert.Equal(new AlertFigures(1_100_000, 1_000_000, "cent", "RunRatePlusOpenAllocations"), forecast.Figures);

        // A contract amendment raises the ceiling to € 12 000: the pace allows € 5 460.82 and the forecast stays below it.
        await new PostgresCeilingStore(_dataSource).UpsertAsync(new BudgetCeiling(Contract, 2026, null, 1_200_000));
        await Grain.RefreshCeilingsAsync();

        var forecastResolved = Assert.Single(await AlertsAsync(AlertKinds.Forecast));
        Assert.Equal(("resolved", 2, 1_200_000L), (forecastResolved.Change, forecastResolved.Revision, forecastResolved.Figures!.Limit));
        var pacingResolved = Assert.Single(await AlertsAsync(AlertKinds.Pacing));
        Assert.Equal(("resolved", 2, 546_082L), (pacingResolved.Change, pacingResolved.Revision, pacingResolved.Figures!.Limit));
    }

    [Fact]
    public async Task The_forecast_adds_what_active_allocations_are_worth_in_the_months_not_yet_declared()
    {
        await new PostgresCeilingStore(_dataSource).UpsertAsync(new BudgetCeiling(Contract, 2026, null, 10_000_000));
        await Grain.RefreshCeilingsAsync();
        await Grain.ApplyAllocationVersionsAsync([FourHoursAWeek(1001)]);
        // 20 hours at € 100 an hour in each of January to May.
        for (var month = 1; month <= 5; month++)
        {
            var begin = new DateOnly(2026, month, 1);
            await Grain.ApplyDeclarationLinesAsync([Line($"R{month}", 200_000) with
            {
                GeleverdVolume = 20, TariffCents = 10_000, PeriodBegin = begin, PeriodEnd = begin.AddMonths(1).AddDays(-1),
            }]);
        }

        var summary = (await Grain.GetSummaryAsync()).Years.Single(y => y is { Year: 2026, ProductCategorie: null });

        // € 10 000 declared; June: 4 h a week × 30/7 weeks × € 100 = € 1 714.29; July–December 6 × € 2 000 run rate.
        Assert.Equal((1_000_000L + 171_429 + 1_200_000, "RunRatePlusOpenAllocations"), (summary.ProjectedCents!.Value, summary.ForecastMethod));
    }

    [Fact]
    public async Task An_unanswered_request_is_overdue_after_five_working_days_and_its_alert_resolves_when_the_answer_comes()
    {
        // 315 received Tuesday 16 June; five working days end Tuesday 23 June; 30 June is 5 working days past it.
        await Grain.ApplyTrafficAsync(new ContractTraffic([], [
            AwaitedAnswer.Started(LeadTimeRule.RequestAnswer, "REF-1", new DateOnly(2026, 6, 16), "ijw:315:12345678:V1"),
            AwaitedAnswer.Started(LeadTimeRule.RequestAnswer, "REF-2", new DateOnly(2026, 6, 26), "ijw:315:12345678:V2"),
        ]));
        Assert.Empty(await AlertsAsync(AlertKinds.LeadTime));

        var changed = await Grain.EvaluateAsync();

        var overdue = Assert.Single(await AlertsAsync(AlertKinds.LeadTime));
        Assert.Equal(["lead-time:0268:12345678:request-answer:REF-1:1"], changed);
        Assert.Equal(("raised", new AlertFigures(20260616, 20260623, "date", "5 working days")), (overdue.Change, overdue.Figures));
        Assert.Contains("overdue by 5 working day(s)", overdue.Description);
        Assert.Empty(await Grain.EvaluateAsync());

        // The municipality answers with a 319 (rejected): the term is answered, late.
        await Grain.ApplyTrafficAsync(new ContractTraffic([], [
            AwaitedAnswer.Answered(LeadTimeRule.RequestAnswer, "REF-1", new DateOnly(2026, 6, 30), "ijw:319:0268:A1"),
        ]));

        var answered = Assert.Single(await AlertsAsync(AlertKinds.LeadTime));
        Assert.Equal(("resolved", 2), (answered.Change, answered.Revision));
        Assert.Contains("answered late on 2026-06-30", answered.Description);
    }

    [Fact]
    public async Task The_daily_evaluation_forgets_resolved_alerts_of_years_that_can_no_longer_change()
    {
        // A request of June 2024, answered late: its alert is raised and resolved, then only history.
        await Grain.ApplyTrafficAsync(new ContractTraffic([], [
            AwaitedAnswer.Started(LeadTimeRule.RequestAnswer, "REF-OLD", new DateOnly(2024, 6, 4), "ijw:315:12345678:OLD"),
        ]));
        await Grain.EvaluateAsync();
        await Grain.ApplyTrafficAsync(new ContractTraffic([], [
            AwaitedAnswer.Answered(LeadTimeRule.RequestAnswer, "REF-OLD", new DateOnly(2024, 7, 1), "ijw:319:0268:OLD"),
        ]));
        Assert.Equal("resolved", Assert.Single(await AlertsAsync(AlertKinds.LeadTime)).Change);
        Assert.True(await StateMentionsAsync("REF-OLD"));

        // As of 30 June 2026, 2024 is closed: the grain's state lets go of the track; the alert's history stays in PostgreSQL.
        Assert.Empty(await Grain.EvaluateAsync());

        Assert.False(await StateMentionsAsync("REF-OLD"));
        Assert.Equal("resolved", Assert.Single(await AlertsAsync(AlertKinds.LeadTime)).Change);
    }

    private async Task<bool> StateMentionsAsync(string text)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT position(convert_to($1, 'UTF8') in state) > 0 FROM grain_state WHERE state_name = 'contract' AND grain_id LIKE '%' || $2");
        command.Parameters.Add(new NpgsqlParameter { Value = text });
        command.Parameters.Add(new NpgsqlParameter { Value = Contract.ToString() });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_declaration_after_a_definitive_stop_is_signalled_and_a_temporary_stop_is_not()
    {
        await Grain.ApplyAllocationVersionsAsync([FourHoursAWeek(1001), FourHoursAWeek(1002)]);
        CareReport Stop(long nummer, string reden) => new(Standard.IJw, "0268", "12345678", nummer, CareReportKind.Stop, new DateOnly(2026, 1, 5),
            new DateOnly(2026, 4, 30), reden, reden != CareReport.TijdelijkBeeindigd, false, new DateOnly(2026, 5, 4), $"ijw:307:12345678:S{nummer}");
        await Grain.ApplyTrafficAsync(new ContractTraffic([Stop(1001, "31"), Stop(1002, "20")], []));

        await Grain.ApplyDeclarationLinesAsync([Line("R1", 10_000), Line("R2", 10_000) with { ToewijzingNummer = 1002 }]);

        await using var command = _dataSource.CreateCommand("SELECT referentie_nummer, rule FROM line_signals WHERE resolved_at IS NULL");
        await using var reader = await command.ExecuteReaderAsync();
        var open = new List<(string, string)>();
        while (await reader.ReadAsync()) open.Add((reader.GetString(0), reader.GetString(1)));
        Assert.Equal([("R1", RuleCodes.AfterDefinitiveStop)], open);
    }

    [Fact]
    public async Task Evaluating_the_same_day_again_or_replaying_the_same_lines_changes_no_alert()
    {
        await new PostgresCeilingStore(_dataSource).UpsertAsync(new BudgetCeiling(Contract, 2026, null, 1_000_000));
        await Grain.RefreshCeilingsAsync();
        IReadOnlyList<Ledger.DeclarationLine> lines = [Line("R1", 800_000), Line("R2", 20_000) with { ToewijzingNummer = 1009 }];
        await Grain.ApplyDeclarationLinesAsync(lines);
        await Grain.EvaluateAsync();
        var before = await new PostgresAlertStore(_dataSource).GetAllAsync();

        var replay = await Grain.ApplyDeclarationLinesAsync(lines);
        var again = await Grain.EvaluateAsync();

        Assert.Empty(replay.AlertsRaised);
        Assert.Empty(again);
        Assert.Equal(before, await new PostgresAlertStore(_dataSource).GetAllAsync());
    }

    [Fact]
    public async Task A_regional_ceiling_counts_only_the_municipalities_in_the_contract()
    {
        // € 10 000 for Nijmegen (0268) and Beuningen (0209) together; Wijchen (1960) declares at the provider outside the contract.
        await new PostgresRegionalCeilingStore(_dataSource).UpsertAsync(
            new RegionalBudgetCeiling("RegioNijmegen", "12345678", 2026, null, 1_000_000, ["0268", "0209"]));
        Ledger.DeclarationLine At(string municipality, string referentie, long cents) => Line(referentie, cents) with { MunicipalityCode = municipality };
        IContractGrain ContractOf(string municipality) => _cluster.GrainFactory.GetGrain<IContractGrain>($"{municipality}:12345678");

        await ContractOf("1960").ApplyDeclarationLinesAsync([At("1960", "W1", 700_000)]);
        await ContractOf("0268").ApplyDeclarationLinesAsync([At("0268", "N1", 500_000)]);
        Assert.DoesNotContain(await AlertsAsync(AlertKinds.CeilingThreshold), a => a.MunicipalityCode == "RegioNijmegen");

        await ContractOf("0209").ApplyDeclarationLinesAsync([At("0209", "B1", 260_000)]);

        var alert = Assert.Single(await AlertsAsync(AlertKinds.CeilingThreshold), a => a.MunicipalityCode == "RegioNijmegen");
        Assert.Equal(("ceiling-threshold:RegioNijmegen:12345678:2026:all:75:1", 760_000L, 1_000_000L), (alert.Id, alert.DeclaredCents, alert.CeilingCents));
        Assert.Contains("€ 7,000.00 declared by municipalities outside the contract is not counted", alert.Description);
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
