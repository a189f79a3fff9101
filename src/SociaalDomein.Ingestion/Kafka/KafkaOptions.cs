namespace SociaalDomein.Ingestion.Kafka;

/// <summary>Kafka connection and topics (section "Kafka"). The same settings serve Apache Kafka and the embedded broker.</summary>
public sealed class KafkaOptions
{
    public const string Section = "Kafka";

    /// <summary>Comma-separated host:port list.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>Topics with iJw/iWmo messages as received (key = municipality code + provider AGB, value = the XML).</summary>
    public List<string> InputTopics { get; set; } = [];

    public IReadOnlyList<string> EffectiveInputTopics => InputTopics.Count > 0 ? InputTopics : [Topics.Ijw];

    public string DeadLetterTopic { get; set; } = Topics.DeadLetter;

    public string AlertTopic { get; set; } = Topics.Alerts;

    public string ConsumerGroup { get; set; } = "sd-ingestion";

    /// <summary>How long the group waits for a silent member before handing its partitions to another (Kafka's session.timeout.ms).</summary>
    public int SessionTimeoutMs { get; set; } = 10_000;

    /// <summary>How often the consumer looks for topics that did not exist yet when it subscribed.</summary>
    public int TopicMetadataRefreshIntervalMs { get; set; } = 5_000;

    /// <summary>Extra librdkafka settings (e.g. security.protocol, sasl.mechanism) applied to every client.</summary>
    public Dictionary<string, string> Client { get; set; } = new();
}

/// <summary>Default topic names.</summary>
public static class Topics
{
    public const string Ijw = "istd.ijw";
    public const string Iwmo = "istd.iwmo";
    public const string DeadLetter = "istd.deadletter";
    public const string Alerts = "sd.alerts";
}
