using SociaalDomein.Api.Responses;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.DailyCosts;

/// <summary>
/// A total taken apart: the total (debits + credits), one page of the lines it is the sum of (each credit with the
/// debit it cancels, signals), the messages they came in, and what was not counted.
/// </summary>
public sealed record ExplainResponse(ExplainTotal Total, Page<ExplainedLine> Lines, IReadOnlyList<ExplainedMessage> Messages, IReadOnlyList<NotCounted> NotCounted);
