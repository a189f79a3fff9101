namespace SociaalDomein.Simulation.Scenarios;

/// <summary>
/// The lead-time figures of one contract as of a day, as a correct monitor must count them (see <see cref="ExpectedLeadTimes"/>
/// for the exact rules). Each group adds up: received = on time + late + overdue + open.
/// </summary>
/// <param name="Requests">Requests received: ReferentieAanbieders of 315 AangevraagdProducten and of 317s.</param>
/// <param name="RequestsAnsweredOnTime">Answered (301 echoing the ReferentieAanbieder, or 319) within 5 working days.</param>
/// <param name="RequestsAnsweredLate">Answered, but after the 5th working day after the request.</param>
/// <param name="RequestsUnanswered">Not answered, and the 5th working day after the request has passed: a LeadTime alert.</param>
/// <param name="RequestsOpen">Not answered, still within 5 working days.</param>
/// <param name="Allocations">Allocations granted (distinct ToewijzingNummers of the contract's 301s).</param>
/// <param name="StartsOnTime">A 305 for the allocation arrived within N days of its due day.</param>
/// <param name="StartsLate">A 305 arrived, but more than N days after its due day.</param>
/// <param name="AllocationsWithoutStart">No 305, and more than N days have passed since the due day: a LeadTime alert.</param>
/// <param name="AllocationsAwaitingStart">No 305 yet, still within N days of the due day (or care not yet due to start).</param>
/// <param name="Declarations">323s received (distinct by identity).</param>
/// <param name="DeclarationsAnsweredOnTime">A 325 within 10 working days.</param>
/// <param name="DeclarationsAnsweredLate">A 325, but after the 10th working day after the 323.</param>
/// <param name="DeclarationsUnanswered">No 325, and the 10th working day has passed: a LeadTime alert.</param>
/// <param name="DeclarationsOpen">No 325 yet, still within 10 working days.</param>
public sealed record ContractLeadTimes(
    int Requests,
    int RequestsAnsweredOnTime,
    int RequestsAnsweredLate,
    int RequestsUnanswered,
    int RequestsOpen,
    int Allocations,
    int StartsOnTime,
    int StartsLate,
    int AllocationsWithoutStart,
    int AllocationsAwaitingStart,
    int Declarations,
    int DeclarationsAnsweredOnTime,
    int DeclarationsAnsweredLate,
    int DeclarationsUnanswered,
    int DeclarationsOpen)
{
    public static ContractLeadTimes Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static ContractLeadTimes operator +(ContractLeadTimes a, ContractLeadTimes b) => new(
        a.Requests + b.Requests, a.RequestsAnsweredOnTime + b.RequestsAnsweredOnTime, a.RequestsAnsweredLate + b.RequestsAnsweredLate,
        a.RequestsUnanswered + b.RequestsUnanswered, a.RequestsOpen + b.RequestsOpen,
        a.Allocations + b.Allocations, a.StartsOnTime + b.StartsOnTime, a.StartsLate + b.StartsLate,
        a.AllocationsWithoutStart + b.AllocationsWithoutStart, a.AllocationsAwaitingStart + b.AllocationsAwaitingStart,
        a.Declarations + b.Declarations, a.DeclarationsAnsweredOnTime + b.DeclarationsAnsweredOnTime, a.DeclarationsAnsweredLate + b.DeclarationsAnsweredLate,
        a.DeclarationsUnanswered + b.DeclarationsUnanswered, a.DeclarationsOpen + b.DeclarationsOpen);
}
