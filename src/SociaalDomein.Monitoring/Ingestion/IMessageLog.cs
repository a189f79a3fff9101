namespace SociaalDomein.Monitoring.Ingestion;

/// <summary>Where a consumed record came from.</summary>
public readonly record struct SourcePosition(string Topic, int Partition, long Offset)
{
    public override string ToString() => $"{Topic}[{Partition}]@{Offset}";
}

/// <summary>
/// Log of every consumed record and what became of it (accepted or dead-lettered), for message-traffic health
/// and for reconciling counts. Idempotent per source position.
/// </summary>
public interface IMessageLog
{
    /// <param name="messageId">The message identity, e.g. "ijw:323:12345678:D-2026-05".</param>
    Task RecordAcceptedAsync(SourcePosition source, string messageId, string standard, int messageType, string municipalityCode,
        string providerAgb, int lineCount, CancellationToken cancellationToken = default);

    Task RecordDeadLetteredAsync(SourcePosition source, string reason, string rule, string element, CancellationToken cancellationToken = default);

    Task<MessageCounts> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>Messages accepted (distinct message identities) and dead-lettered (records).</summary>
public sealed record MessageCounts(long Accepted, long DeadLettered);
