namespace SociaalDomein.Monitoring.Alerts;

/// <summary>
/// Durable record of raised alerts, doubling as the outbox from which they are published to Kafka.
/// </summary>
public interface IAlertStore
{
    /// <summary>Stores alerts whose id is not yet known; an alert with a known id is left as it is.</summary>
    Task RecordAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default);

    /// <summary>Alerts not yet published, oldest first.</summary>
    Task<IReadOnlyList<Alert>> ReadUnpublishedAsync(int max, CancellationToken cancellationToken = default);

    Task MarkPublishedAsync(IReadOnlyList<string> alertIds, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Alert>> GetAllAsync(CancellationToken cancellationToken = default);
}
