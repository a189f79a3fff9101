namespace SociaalDomein.Host.Health;

/// <summary>Readiness checks (section "Health").</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long the Kafka check waits for the brokers' metadata before it calls Kafka unreachable.</summary>
    public int KafkaTimeoutMs { get; set; } = 3_000;

    /// <summary>
    /// How long a readiness outcome is reused. The worker asks before every record; this bounds how often the checks
    /// really run, and how late the worker notices that it must pause or may resume.
    /// </summary>
    public int ReadinessCacheMs { get; set; } = 1_000;
}
