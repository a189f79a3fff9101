namespace SociaalDomein.Simulation.Scenarios;

/// <summary>
/// The message traffic around allocations and declarations besides the 301s and 323s themselves: requests (315/317) and
/// the municipality's answers (301/319), start and stop of care (305/307) and declaration answers (325). Every share is
/// between 0 and 1; <see cref="None"/> turns the whole flow off, so a scenario is exactly the 301/323 traffic it was.
/// </summary>
/// <remarks>
/// Every decision is dice keyed on (seed, episode or allocation or contract-month), never the planner's random sequence:
/// switching this traffic on or changing a share leaves the plan, the 301s' content and every declaration line as they were.
/// Deadlines follow DOMAIN.md §4: an answer to a 315/317 within 5 working days, a 305/307 within 5 working days of the
/// start/stop, a 325 within 10 working days of the 323 (Dutch working days, <see cref="Calendar.DutchWorkingDays"/>).
/// </remarks>
/// <param name="RequestShare">Share of new allocations (granted within the simulated months, crisis care excepted) that a 315 asks for; the allocation's 301 answers it, echoing ReferentieAanbieder.</param>
/// <param name="LateAnswerShare">Share of 315s and 317s answered (by 301 or a refusing 319) after more than 5 working days.</param>
/// <param name="InvestigationShare">Share of requested allocations that get a 319 "aanvraag in onderzoek" (VerzoekAntwoord 2) within 5 working days and the 301 only later.</param>
/// <param name="ExtraRequestShare">Share of episodes in care during the simulated months for which the provider asks, in a second 315, for more of the same product; the municipality refuses it (319, VerzoekAntwoord 1) or never answers.</param>
/// <param name="UnansweredShare">Share of those extra 315s, and of the 317s, that are never answered.</param>
/// <param name="ChangeRequestShare">Share of episodes whose allocations run past the simulated months for which the provider asks, in a 317 within the months, for a later Einddatum; answered by a new 301 version (RedenWijziging 04) or refused.</param>
/// <param name="ChangeRefusedShare">Share of the answered 317s that are refused (319, VerzoekAntwoord 1) instead of granted.</param>
/// <param name="StartLateShare">Share of 305s sent more than 5 working days after care started.</param>
/// <param name="StartNeverShare">Share of allocations for which no 305 (and so no 307) is ever sent.</param>
/// <param name="StopLateShare">Share of 307s sent more than 5 working days after care stopped.</param>
/// <param name="DeclarationAnswerLateShare">Share of 325s sent more than 10 working days after their 323.</param>
/// <param name="DeclarationAnswerNeverShare">Share of 323s that never get a 325.</param>
/// <param name="RetourShare">
/// Share of heen messages (301, 305, 307, 315, 317, 319; not 323, which the 325 answers) that get their retour (302, 306, 308,
/// 316, 318, 320) 1–3 working days later, every class accepted (retourcode 0200). 0 in <see cref="Default"/>: the monitor
/// does not need them and they double the message count; set 1 for the complete traffic.
/// </param>
public sealed record LifecycleTraffic(
    double RequestShare,
    double LateAnswerShare,
    double InvestigationShare,
    double ExtraRequestShare,
    double UnansweredShare,
    double ChangeRequestShare,
    double ChangeRefusedShare,
    double StartLateShare,
    double StartNeverShare,
    double StopLateShare,
    double DeclarationAnswerLateShare,
    double DeclarationAnswerNeverShare,
    double RetourShare = 0)
{
    /// <summary>
    /// Half of the new allocations requested first; 8 % of answers late, 5 % of requests under investigation first; 3 % of
    /// episodes with a refused or unanswered extra request; 10 % of long-running episodes with a change request, 15 % of those
    /// refused; 10 % of extra and change requests never answered; 305 late for 5 % and never for 2 %; 307 late for 5 %;
    /// 325 late for 4 % and never sent for 1 %.
    /// </summary>
    public static LifecycleTraffic Default { get; } = new(
        RequestShare: 0.5,
        LateAnswerShare: 0.08,
        InvestigationShare: 0.05,
        ExtraRequestShare: 0.03,
        UnansweredShare: 0.10,
        ChangeRequestShare: 0.10,
        ChangeRefusedShare: 0.15,
        StartLateShare: 0.05,
        StartNeverShare: 0.02,
        StopLateShare: 0.05,
        DeclarationAnswerLateShare: 0.04,
        DeclarationAnswerNeverShare: 0.01);

    /// <summary>No traffic besides the 301s and 323s: the scenario as it was before this traffic existed.</summary>
    public static LifecycleTraffic None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) { Enabled = false };

    /// <summary>False only for <see cref="None"/>-like settings: then no 305, 307, 315, 317, 319 or 325 is made at all.</summary>
    public bool Enabled { get; init; } = true;

    internal void Validate()
    {
        foreach (var (name, share) in new[]
                 {
                     (nameof(RequestShare), RequestShare), (nameof(LateAnswerShare), LateAnswerShare), (nameof(InvestigationShare), InvestigationShare),
                     (nameof(ExtraRequestShare), ExtraRequestShare), (nameof(UnansweredShare), UnansweredShare), (nameof(ChangeRequestShare), ChangeRequestShare),
                     (nameof(ChangeRefusedShare), ChangeRefusedShare),
                     (nameof(StartLateShare), StartLateShare), (nameof(StartNeverShare), StartNeverShare), (nameof(StopLateShare), StopLateShare),
                     (nameof(DeclarationAnswerLateShare), DeclarationAnswerLateShare), (nameof(DeclarationAnswerNeverShare), DeclarationAnswerNeverShare),
                     (nameof(RetourShare), RetourShare),
                 })
        {
            if (share is < 0 or > 1 || double.IsNaN(share))
                throw new ArgumentOutOfRangeException(name, share, "A share must be between 0 and 1.");
        }
        if (LateAnswerShare + InvestigationShare > 1)
            throw new ArgumentOutOfRangeException(nameof(InvestigationShare), InvestigationShare, "LateAnswerShare + InvestigationShare must not exceed 1.");
        if (DeclarationAnswerLateShare + DeclarationAnswerNeverShare > 1)
            throw new ArgumentOutOfRangeException(nameof(DeclarationAnswerNeverShare), DeclarationAnswerNeverShare, "DeclarationAnswerLateShare + DeclarationAnswerNeverShare must not exceed 1.");
        if (StartLateShare + StartNeverShare > 1)
            throw new ArgumentOutOfRangeException(nameof(StartNeverShare), StartNeverShare, "StartLateShare + StartNeverShare must not exceed 1.");
    }
}
