namespace SociaalDomein.Storage.Queries;

/// <summary>
/// A ledger line as part of a total it explains: the line, the day it counts on, the line it cancels or is cancelled
/// by, and the findings recorded about it (which never changed the total).
/// </summary>
/// <param name="ReceivedDay">The Dutch day its message was received: the day it counts on in the daily insight.</param>
/// <param name="Cancels">For a credit: the debit it cancels (null for a debit, or a credit of a debit the ledger does not hold).</param>
/// <param name="CancelledBy">For a debit: the credit that cancels it, if one arrived.</param>
public sealed record ExplainedLine(
    LedgerLine Line,
    DateOnly ReceivedDay,
    LinkedLine? Cancels,
    LinkedLine? CancelledBy,
    IReadOnlyList<LineFinding> Signals);
