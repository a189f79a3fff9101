namespace SociaalDomein.Ingestion.Worker;

/// <summary>
/// Tells the worker whether what it depends on (Kafka, PostgreSQL, the silo) can take records now. While it cannot, the
/// worker pauses its partitions instead of consuming records it would only fail on. The host implements this with its
/// readiness health checks; without one the worker is always ready.
/// </summary>
public interface IIngestionReadiness
{
    /// <summary>Cheap enough to call before every record: implementations cache the outcome for a short while.</summary>
    ValueTask<ReadinessState> CheckAsync(CancellationToken cancellationToken);
}

/// <param name="Reason">Why not ready, in a few words for the log (names of the failing checks); empty when ready.</param>
public readonly record struct ReadinessState(bool IsReady, string Reason)
{
    public static ReadinessState Ready { get; } = new(true, "");
}
