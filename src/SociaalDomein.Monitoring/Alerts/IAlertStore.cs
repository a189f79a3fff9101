namespace SociaalDomein.Monitoring.Alerts;

/// <summary>
/// Durable record of alerts: the current state per alert id, and every change as an event that doubles as the outbox
/// from which changes are published to Kafka.
/// </summary>
public interface IAlertStore
{
    /// <summary>
    /// Applies alert changes in order. A change whose (id, revision) is already stored is left as it is, so a repeated
    /// evaluation after a crash or a replay stores nothing twice.
    /// </summary>
    Task RecordAsync(IReadOnlyList<Alert> changes, CancellationToken cancellationToken = default);

    /// <summary>Changes not yet published, oldest first.</summary>
    Task<IReadOnlyList<AlertEvent>> ReadUnpublishedAsync(int max, CancellationToken cancellationToken = default);

    Task MarkPublishedAsync(IReadOnlyList<long> eventSequences, CancellationToken cancellationToken = default);

    /// <summary>The current state of every alert (its latest change), oldest first.</summary>
    Task<IReadOnlyList<Alert>> GetAllAsync(CancellationToken cancellationToken = default);
}

/// <summary>One stored change of an alert, with its position in the outbox.</summary>
public sealed record AlertEvent(long Sequence, Alert Alert);
