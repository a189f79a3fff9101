using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Monitoring.Traffic;

/// <summary>The answers the message traffic waits for, per contract (table <c>awaited_answers</c>).</summary>
public interface IAwaitedAnswerStore
{
    /// <summary>
    /// Joins each half with what is stored under its rule and reference: a start day and message are kept once known,
    /// the earliest answer wins. Returns the resulting rows, so the caller sees whether a term is now answered.
    /// Idempotent: recording the same half again changes nothing.
    /// </summary>
    Task<IReadOnlyList<AwaitedAnswer>> RecordAsync(ContractKey contract, IReadOnlyList<AwaitedAnswer> halves, CancellationToken cancellationToken = default);

    /// <summary>The contract's terms that run without an answer.</summary>
    Task<IReadOnlyList<AwaitedAnswer>> GetOpenAsync(ContractKey contract, CancellationToken cancellationToken = default);
}
