using SociaalDomein.Monitoring.Rules.LeadTimes;

namespace SociaalDomein.Monitoring.Tests.Rules;

public sealed class LeadTimeRulesTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_retour_on_a_message_received_the_Thursday_before_Easter_is_due_the_next_Thursday()
    {
        var received = D(2026, 4, 2);

        var pending = LeadTimeRules.Retour(received, retourOn: null, asOf: D(2026, 4, 9));
        Assert.Equal((LeadTimeStatus.Pending, D(2026, 4, 9), 0, false), (pending.Status, pending.Deadline, pending.OverdueDays, pending.AlertHolds));

        Assert.Equal(LeadTimeStatus.AnsweredInTime, LeadTimeRules.Retour(received, D(2026, 4, 9), D(2026, 4, 20)).Status);
    }

    [Fact]
    public void An_unanswered_message_is_overdue_from_the_day_after_the_deadline_and_counts_working_days_late()
    {
        var received = D(2026, 4, 2);

        var friday = LeadTimeRules.Retour(received, null, D(2026, 4, 10));
        Assert.Equal((LeadTimeStatus.Overdue, 1, true), (friday.Status, friday.OverdueDays, friday.AlertHolds));
        Assert.Equal(1, LeadTimeRules.Retour(received, null, D(2026, 4, 12)).OverdueDays); // the weekend adds nothing
        Assert.Equal(3, LeadTimeRules.Retour(received, null, D(2026, 4, 14)).OverdueDays);
    }

    [Fact]
    public void A_late_answer_resolves_the_alert_and_keeps_how_late_it_was()
    {
        var late = LeadTimeRules.Retour(D(2026, 4, 2), D(2026, 4, 14), D(2026, 4, 20));

        Assert.Equal((LeadTimeStatus.AnsweredLate, 3, false, true), (late.Status, late.OverdueDays, late.AlertHolds, late.WasLate));
    }

    [Fact]
    public void An_answer_dated_after_the_as_of_day_is_not_known_yet()
    {
        var check = LeadTimeRules.Retour(D(2026, 4, 2), D(2026, 4, 14), D(2026, 4, 10));

        Assert.Equal((LeadTimeStatus.Overdue, (DateOnly?)null), (check.Status, check.AnsweredOn));
    }

    [Fact]
    public void A_325_is_due_10_working_days_after_the_323_across_Koningsdag_and_Bevrijdingsdag()
    {
        var check = LeadTimeRules.DeclarationAnswer(D(2026, 4, 24), null, D(2026, 5, 13));

        Assert.Equal((D(2026, 5, 12), LeadTimeStatus.Overdue, 1), (check.Deadline, check.Status, check.OverdueDays));
    }

    [Fact]
    public void A_305_is_due_5_working_days_after_the_actual_start_across_Hemelvaartsdag()
    {
        var inTime = LeadTimeRules.StartReport(begindatum: D(2026, 5, 11), receivedOn: D(2026, 5, 19));
        var late = LeadTimeRules.StartReport(begindatum: D(2026, 5, 11), receivedOn: D(2026, 5, 20));

        Assert.Equal((D(2026, 5, 19), LeadTimeStatus.AnsweredInTime), (inTime.Deadline, inTime.Status));
        Assert.Equal((LeadTimeStatus.AnsweredLate, 1), (late.Status, late.OverdueDays));
    }

    [Fact]
    public void A_307_for_care_ended_before_Christmas_received_after_New_Year_is_one_working_day_late()
    {
        var check = LeadTimeRules.StopReport(einddatum: D(2026, 12, 23), receivedOn: D(2027, 1, 4));

        Assert.Equal((D(2026, 12, 31), LeadTimeStatus.AnsweredLate, 1), (check.Deadline, check.Status, check.OverdueDays));
    }

    [Fact]
    public void A_request_for_allocation_is_answered_within_5_working_days_by_a_301_or_a_319()
    {
        var answered = LeadTimeRules.RequestAnswer(D(2026, 5, 4), answeredOn: D(2026, 5, 12), asOf: D(2026, 5, 12));
        var unanswered = LeadTimeRules.RequestAnswer(D(2026, 5, 4), answeredOn: null, asOf: D(2026, 5, 15));

        Assert.Equal((D(2026, 5, 12), LeadTimeStatus.AnsweredInTime), (answered.Deadline, answered.Status));
        Assert.Equal((LeadTimeStatus.Overdue, 2), (unanswered.Status, unanswered.OverdueDays));
    }

    [Fact]
    public void A_301_without_305_counts_calendar_days_from_when_the_allocation_takes_effect()
    {
        var future = LeadTimeRules.AllocationWithoutStart(allocationReceivedOn: D(2026, 3, 2), ingangsdatum: D(2026, 3, 16), startReportedOn: null, asOf: D(2026, 4, 20));
        Assert.Equal((D(2026, 3, 16), D(2026, 4, 15), LeadTimeStatus.Overdue, 5), (future.Start, future.Deadline, future.Status, future.OverdueDays));

        var backdated = LeadTimeRules.AllocationWithoutStart(D(2026, 3, 20), D(2026, 3, 1), startReportedOn: D(2026, 4, 10), asOf: D(2026, 4, 20));
        Assert.Equal((D(2026, 3, 20), D(2026, 4, 19), LeadTimeStatus.AnsweredInTime), (backdated.Start, backdated.Deadline, backdated.Status));
    }

    [Fact]
    public void The_terms_are_configurable()
    {
        var options = new LeadTimeOptions { RetourWorkingDays = 5, AllocationWithoutStartCalendarDays = 14 };

        Assert.Equal(D(2026, 4, 13), LeadTimeRules.Retour(D(2026, 4, 2), null, D(2026, 4, 2), options).Deadline);
        Assert.Equal(D(2026, 3, 30), LeadTimeRules.AllocationWithoutStart(D(2026, 3, 2), D(2026, 3, 16), null, D(2026, 3, 16), options).Deadline);
    }
}
