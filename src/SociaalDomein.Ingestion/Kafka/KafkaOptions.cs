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

    /// <summary>
    /// Most kilobytes of fetched records the consumer holds before the worker takes them (librdkafka's
    /// queued.max.messages.kbytes), and also the most bytes of records the worker holds in its lanes. While PostgreSQL or
    /// the silo is slow the lanes fill, the worker stops taking records, and the consumer stops fetching once this much
    /// waits, instead of reading the whole topic into memory. librdkafka may
    /// overshoot it by one fetch (at most <see cref="KafkaClientConfigs.MaxRecordBytes"/>).
    /// </summary>
    public int MaxPrefetchKbytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Records the worker processes at the same time, one lane per hash of the record key: one contract's records
    /// (key municipality:provider) stay in order on one lane while different contracts overlap their round trips to
    /// PostgreSQL and the silo. 1 processes one record at a time.
    /// </summary>
    public int WorkerLanes { get; set; } = 16;

    /// <summary>
    /// Most records taken from the consumer and not yet durable (queued on or running in a lane). Together with
    /// <see cref="MaxPrefetchKbytes"/>, which also bounds their bytes, it is what a slow store lets pile up in the worker.
    /// </summary>
    public int WorkerMaxInFlight { get; set; } = 256;

    /// <summary>
    /// How often (ms) the worker's consumer reports its fetch queue (records and bytes fetched ahead), logged at Debug by
    /// the worker; 0 (default) switches librdkafka's statistics off.
    /// </summary>
    public int StatisticsIntervalMs { get; set; }

    /// <summary>librdkafka security.protocol: plaintext (default), ssl, sasl_plaintext or sasl_ssl.</summary>
    public string SecurityProtocol { get; set; } = "";

    /// <summary>sasl.mechanism with a sasl_* protocol: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.</summary>
    public string SaslMechanism { get; set; } = "";

    public string SaslUsername { get; set; } = "";

    /// <summary>The SASL password, given through the environment or a secret store (Kafka__SaslPassword), never a file in git.</summary>
    public string SaslPassword { get; set; } = "";

    /// <summary>PEM file with the CA certificate(s) that signed the brokers' certificates (ssl.ca.location), for ssl and sasl_ssl.</summary>
    public string SslCaLocation { get; set; } = "";

    /// <summary>Extra librdkafka settings applied to every client; the security settings above have their own names.</summary>
    public Dictionary<string, string> Client { get; set; } = new();

    /// <summary>Protocols that authenticate with SASL.</summary>
    private static readonly string[] SaslProtocols = ["sasl_plaintext", "sasl_ssl"];

    /// <summary>Protocols that encrypt the connection with TLS.</summary>
    private static readonly string[] TlsProtocols = ["ssl", "sasl_ssl"];

    private static readonly string[] Protocols = ["plaintext", "ssl", "sasl_plaintext", "sasl_ssl"];

    private static readonly string[] Mechanisms = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"];

    /// <summary>The librdkafka properties the typed security settings own; Kafka:Client may not set them a second way.</summary>
    private static readonly string[] SecurityProperties =
        ["security.protocol", "sasl.mechanism", "sasl.mechanisms", "sasl.username", "sasl.password", "ssl.ca.location"];

    /// <summary>The protocol in librdkafka's spelling; empty when not set (plaintext).</summary>
    public string EffectiveSecurityProtocol => SecurityProtocol.Trim().ToLowerInvariant();

    /// <summary>
    /// What is wrong with the security settings, one sentence each starting with the setting's name; never repeats the
    /// password. An inconsistent combination (credentials without SASL, a CA without TLS, a password in clear text) is
    /// refused rather than silently ignored, so a deployment never runs with less protection than its settings suggest.
    /// </summary>
    public IEnumerable<string> SecurityProblems()
    {
        var protocol = EffectiveSecurityProtocol;
        if (protocol.Length > 0 && !Protocols.Contains(protocol))
        {
            yield return $"Kafka:SecurityProtocol '{SecurityProtocol}' is not one of {string.Join(", ", Protocols)}.";
            yield break;
        }
        var sasl = SaslProtocols.Contains(protocol);
        var tls = TlsProtocols.Contains(protocol);
        if (sasl)
        {
            if (SaslMechanism.Length == 0)
                yield return $"Kafka:SaslMechanism is required with Kafka:SecurityProtocol {protocol}: one of {string.Join(", ", Mechanisms)}.";
            else if (!Mechanisms.Contains(SaslMechanism.Trim().ToUpperInvariant()))
                yield return $"Kafka:SaslMechanism '{SaslMechanism}' is not one of {string.Join(", ", Mechanisms)}.";
            if (string.IsNullOrWhiteSpace(SaslUsername))
                yield return $"Kafka:SaslUsername is required with Kafka:SecurityProtocol {protocol}.";
            if (string.IsNullOrEmpty(SaslPassword))
                yield return $"Kafka:SaslPassword is required with Kafka:SecurityProtocol {protocol} (give it as the environment variable Kafka__SaslPassword).";
            if (protocol == "sasl_plaintext" && SaslMechanism.Trim().Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
                yield return "Kafka:SaslMechanism PLAIN with Kafka:SecurityProtocol sasl_plaintext sends the password unencrypted: use sasl_ssl, or a SCRAM mechanism.";
        }
        else
        {
            foreach (var (name, value) in new[] { ("SaslMechanism", SaslMechanism), ("SaslUsername", SaslUsername), ("SaslPassword", SaslPassword) })
            {
                if (value.Length > 0)
                    yield return $"Kafka:{name} is set but Kafka:SecurityProtocol is '{(protocol.Length == 0 ? "plaintext" : protocol)}': " +
                                 "SASL settings are only used with sasl_plaintext or sasl_ssl, so the credentials would be ignored.";
            }
        }
        if (SslCaLocation.Length > 0)
        {
            if (!tls)
                yield return $"Kafka:SslCaLocation is set but Kafka:SecurityProtocol is '{(protocol.Length == 0 ? "plaintext" : protocol)}': " +
                             "the CA is only used with ssl or sasl_ssl, so the connection would not be encrypted.";
            else if (!File.Exists(SslCaLocation))
                yield return $"Kafka:SslCaLocation: the file '{SslCaLocation}' does not exist or cannot be read.";
        }
        foreach (var key in Client.Keys.Where(k => SecurityProperties.Contains(k.Trim(), StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"Kafka:Client:{key} is set: use the setting Kafka:{OwnerOf(key.Trim().ToLowerInvariant())} instead, so the security " +
                         "settings are checked together and given one way only.";
        }
        if (StatisticsIntervalMs is < 0 or > 86_400_000)
            yield return $"Kafka:StatisticsIntervalMs must lie between 0 (off) and 86400000 (got {StatisticsIntervalMs}).";
        if (MaxPrefetchKbytes is < 1_024 or > 2_097_151)
            yield return $"Kafka:MaxPrefetchKbytes must lie between 1024 and 2097151 (got {MaxPrefetchKbytes}).";
        if (WorkerLanes is < 1 or > 256)
            yield return $"Kafka:WorkerLanes must lie between 1 and 256 (got {WorkerLanes}).";
        if (WorkerMaxInFlight < WorkerLanes || WorkerMaxInFlight > 100_000)
            yield return $"Kafka:WorkerMaxInFlight must lie between Kafka:WorkerLanes ({WorkerLanes}) and 100000 (got {WorkerMaxInFlight}).";
    }

    private static string OwnerOf(string property) => property switch
    {
        "security.protocol" => nameof(SecurityProtocol),
        "sasl.mechanism" or "sasl.mechanisms" => nameof(SaslMechanism),
        "sasl.username" => nameof(SaslUsername),
        "sasl.password" => nameof(SaslPassword),
        _ => nameof(SslCaLocation),
    };
}

/// <summary>Default topic names.</summary>
public static class Topics
{
    public const string Ijw = "istd.ijw";
    public const string Iwmo = "istd.iwmo";
    public const string DeadLetter = "istd.deadletter";
    public const string Alerts = "sd.alerts";
}
