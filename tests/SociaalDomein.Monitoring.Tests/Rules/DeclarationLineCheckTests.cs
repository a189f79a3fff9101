using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Monitoring.Rules.AllocationChecks;
using SociaalDomein.Monitoring.Rules.Calendar;
using static SociaalDomein.Monitoring.Tests.Rules.AllocationFacts;

namespace SociaalDomein.Monitoring.Tests.Rules;

public sealed class DeclarationLineCheckTests
{
    private readonly AllocationUsage _usage = new();

    /// <summary>Checks a line against what was declared before it, then records it: what the grain does per line.</summary>
    private IReadOnlyList<DeclarationFinding> Declare(AllocationSnapshot? allocation, DeclarationLineFacts line)
    {
        var findings = DeclarationLineCheck.Check(allocation, line, _usage);
        _usage.Record(line);
        return findings;
    }

    private static string[] Codes(IEnumerable<DeclarationFinding> findings) => findings.Select(f => f.RuleCode).ToArray();

    [Fact]
    public void A_line_within_its_allocation_breaks_no_rule()
    {
        Assert.Empty(Declare(FourHoursAWeek, Month(2026, 2, 20)));                    // 5 weeks × 4 h
        Assert.Empty(Declare(FourHoursAWeek, Line("2026-01-05", "2026-01-31", 960, OmvangCodes.Minuut))); // 4 weeks × 4 h, in minutes
    }

    [Fact]
    public void February_2026_allows_five_calendar_weeks_so_21_hours_is_one_too_many()
    {
        var finding = Assert.Single(Declare(FourHoursAWeek, Month(2026, 2, 21)));

        Assert.Equal(RuleCodes.VolumeAbovePeriodAllocation, finding.RuleCode);
        Assert.Equal((1260L, 1200L, OmvangCodes.Minuut), (finding.Actual!.Value, finding.Allowed!.Value, finding.Unit));
        Assert.Equal(new ServiceMonth(2026, 2), finding.Month);
    }

    [Fact]
    public void A_credit_takes_its_volume_back_so_the_corrected_debit_fits()
    {
        Assert.Single(Declare(FourHoursAWeek, Month(2026, 2, 21)));
        Assert.Empty(Declare(FourHoursAWeek, Month(2026, 2, 21, debetCredit: DebetCredit.Credit)));
        Assert.Empty(Declare(FourHoursAWeek, Month(2026, 2, 20)));

        Assert.Equal(1200, _usage.VolumeIn(new ServiceMonth(2026, 2), VolumeUnits.For(OmvangCodes.Uur)));
        Assert.Empty(DeclarationLineCheck.CurrentOverDeclarations(FourHoursAWeek, _usage));
    }

    [Fact]
    public void Months_that_each_fit_can_together_exceed_the_13_weeks_of_the_allocation()
    {
        Assert.Empty(Declare(FourHoursAWeek, Line("2026-01-05", "2026-01-31", 16))); // begins on the Ingangsdatum (TR387)
        Assert.Empty(Declare(FourHoursAWeek, Month(2026, 2, 20)));
        var finding = Assert.Single(Declare(FourHoursAWeek, Month(2026, 3, 24))); // 6 weeks touched in March, but 60 h > 52 h

        Assert.Equal(RuleCodes.VolumeAboveAllocation, finding.RuleCode);
        Assert.Equal((3600L, 3120L), (finding.Actual!.Value, finding.Allowed!.Value));
        Assert.Equal([RuleCodes.VolumeAboveAllocation], Codes(DeclarationLineCheck.CurrentOverDeclarations(FourHoursAWeek, _usage)));
    }

    [Fact]
    public void A_line_without_a_known_allocation_is_9338_and_nothing_else()
    {
        Assert.Equal([RuleCodes.NoAllocation], Codes(Declare(null, Month(2026, 2, 400))));
    }

    [Fact]
    public void A_line_on_a_deleted_allocation_is_9384()
    {
        Assert.Equal([RuleCodes.AllocationDeleted], Codes(Declare(FourHoursAWeek with { Deleted = true }, Month(2026, 2, 4))));
    }

    [Fact]
    public void A_credit_is_never_a_finding_it_only_lowers_what_was_declared()
    {
        Assert.Empty(Declare(null, Month(2026, 2, 4, debetCredit: DebetCredit.Credit)));
        Assert.Empty(Declare(FourHoursAWeek, Line("2025-12-01", "2025-12-31", 4, category: "41", debetCredit: DebetCredit.Credit)));
    }

    [Fact]
    public void A_period_before_the_Ingangsdatum_is_9307_and_after_the_Einddatum_9308()
    {
        var before = Assert.Single(Declare(FourHoursAWeek, Month(2025, 12, 4)));
        Assert.Equal((RuleCodes.BeginsBeforeAllocation, 20251201L, 20260105L, "date"), (before.RuleCode, before.Actual!.Value, before.Allowed!.Value, before.Unit));

        var after = Assert.Single(Declare(FourHoursAWeek, Month(2026, 4, 4)));
        Assert.Equal((RuleCodes.EndsAfterAllocation, 20260430L, 20260331L), (after.RuleCode, after.Actual!.Value, after.Allowed!.Value));
    }

    [Fact]
    public void Category_code_and_unit_must_be_the_allocated_ones()
    {
        Assert.Equal([RuleCodes.CategoryMismatch], Codes(Declare(FourHoursAWeek, Line("2026-02-01", "2026-02-28", 4, category: "41", code: "45A03"))));
        Assert.Equal([RuleCodes.CodeMismatch], Codes(Declare(FourHoursAWeek, Line("2026-02-01", "2026-02-28", 4, code: "45A04"))));
        Assert.Equal([RuleCodes.UnitMismatch], Codes(Declare(FourHoursAWeek, Month(2026, 2, 999, OmvangCodes.Etmaal))));
    }

    [Fact]
    public void Only_hours_may_be_declared_in_minutes_not_minutes_in_hours()
    {
        var inMinutes = FourHoursAWeek with { Volume = 240, Eenheid = OmvangCodes.Minuut };
        Assert.Equal([RuleCodes.UnitMismatch], Codes(Declare(inMinutes, Month(2026, 2, 4))));
    }

    [Fact]
    public void An_aspecific_or_generic_allocation_checks_no_category_or_code()
    {
        var generic = FourHoursAWeek with { ProductCategorie = null, ProductCode = null };
        Assert.Empty(Declare(generic, Line("2026-02-01", "2026-02-28", 4, category: "41", code: "41A01")));
    }

    [Fact]
    public void Care_declared_for_a_period_that_begins_after_a_definitive_stop_is_SD_STOP()
    {
        var stopped = FourHoursAWeek with { DefinitiveStopDate = new DateOnly(2026, 2, 10) };
        Assert.Empty(Declare(stopped, Month(2026, 2, 8)));    // February began before the stop
        Assert.Equal([RuleCodes.AfterDefinitiveStop], Codes(Declare(stopped, Month(2026, 3, 4))));
    }

    [Fact]
    public void A_line_of_another_client_is_8187()
    {
        Assert.Equal([RuleCodes.OtherClient], Codes(Declare(FourHoursAWeek, Month(2026, 2, 4) with { ClientPseudonym = "client-b" })));
    }

    [Fact]
    public void Amounts_above_the_allocation_budget_are_9369_and_resolve_after_a_credit()
    {
        var budget = new AllocationSnapshot(Standard.IJw, 1001, "45", null, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
            Volume: null, Eenheid: null, Frequentie: null, BudgetCents: 500_000);

        Assert.Empty(Declare(budget, Month(2026, 1, 300_000, OmvangCodes.Euro, 300_000)));
        var finding = Assert.Single(Declare(budget, Month(2026, 2, 250_000, OmvangCodes.Euro, 250_000)));
        Assert.Equal((RuleCodes.AmountAboveBudget, 550_000L, 500_000L, "cent"), (finding.RuleCode, finding.Actual!.Value, finding.Allowed!.Value, finding.Unit));
        Assert.Single(DeclarationLineCheck.CurrentOverDeclarations(budget, _usage));

        Declare(budget, Month(2026, 2, 250_000, OmvangCodes.Euro, 250_000, DebetCredit.Credit));
        Assert.Empty(DeclarationLineCheck.CurrentOverDeclarations(budget, _usage));
        Assert.Equal(300_000, _usage.TotalAmountCents);
    }

    [Fact]
    public void A_total_over_the_allocation_period_is_checked_as_a_whole()
    {
        var hundredHours = FourHoursAWeek with { Volume = 100, Frequentie = OmvangCodes.Totaal, Einddatum = null };
        Assert.Empty(Declare(hundredHours, Line("2026-01-05", "2026-01-31", 60)));
        var finding = Assert.Single(Declare(hundredHours, Month(2026, 2, 50)));
        Assert.Equal((RuleCodes.VolumeAboveAllocation, 6600L, 6000L), (finding.RuleCode, finding.Actual!.Value, finding.Allowed!.Value));
    }

    [Fact]
    public void A_daily_allocation_allows_the_days_of_the_month_within_it()
    {
        var pleegzorg = new AllocationSnapshot(Standard.IJw, 1001, "44", "44A01", new DateOnly(2026, 5, 20), new DateOnly(2026, 6, 30),
            Volume: 1, Eenheid: OmvangCodes.Etmaal, Frequentie: OmvangCodes.PerDag, BudgetCents: null);
        var line = Line("2026-05-20", "2026-05-31", 13, OmvangCodes.Etmaal, category: "44", code: "44A01");

        var finding = Assert.Single(Declare(pleegzorg, line));
        Assert.Equal((RuleCodes.VolumeAbovePeriodAllocation, 13L, 12L, OmvangCodes.Etmaal), (finding.RuleCode, finding.Actual!.Value, finding.Allowed!.Value, finding.Unit));
    }

    [Fact]
    public void The_check_reads_a_ledger_line_a_negative_amount_or_a_named_debit_being_a_credit()
    {
        var debit = new DeclarationLine(Standard.IJw, "0268", "12345678", "R1", null, "D-1", "ijw:323:12345678:D-1", new DateOnly(2026, 3, 3),
            1001, "45", "45A03", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), 20, OmvangCodes.Uur, 7_500, 150_000, "client-a", "istd.ijw", 0, 1);
        var zeroCredit = debit with { ReferentieNummer = "R2", VorigReferentieNummer = "R1", AmountCents = 0 };

        Assert.Equal(DebetCredit.Debet, DeclarationLineFacts.From(debit).DebetCredit);
        Assert.Equal(150_000, DeclarationLineFacts.From(debit).AmountCents);
        Assert.Equal(DebetCredit.Credit, DeclarationLineFacts.From(debit with { AmountCents = -150_000 }).DebetCredit);
        Assert.Equal(DebetCredit.Credit, DeclarationLineFacts.From(zeroCredit).DebetCredit);
    }
}
