using Microsoft.Extensions.Configuration;
using SociaalDomein.Host.Configuration;
using SociaalDomein.Ingestion.Kafka;

namespace SociaalDomein.Fault.Tests;

/// <summary>
/// Kafka SASL/SSL and PostgreSQL TLS are plain settings, passed to every client, and checked together at start: an
/// inconsistent combination stops the host with the settings named, and never with the password repeated.
/// </summary>
[Trait("Category", "Security")]
public sealed class AccessSettingsTests : IDisposable
{
    private const string Password = "kafka-pw-from-the-secret-store";
    private readonly string _ca = Path.Combine(Path.GetTempPath(), $"sd-ca-{Guid.NewGuid():N}.pem");

    public AccessSettingsTests() => File.WriteAllText(_ca, "-----BEGIN CERTIFICATE-----\n(test CA)\n-----END CERTIFICATE-----\n");

    [Fact]
    public void SASL_over_TLS_with_a_CA_reaches_the_consumer_producer_and_admin_configurations_of_librdkafka()
    {
        var options = new KafkaOptions
        {
            BootstrapServers = "kafka:9093",
            SecurityProtocol = "SASL_SSL",
            SaslMechanism = "scram-sha-512",
            SaslUsername = "sd-worker",
            SaslPassword = Password,
            SslCaLocation = _ca,
        };
        Assert.Empty(options.SecurityProblems());

        foreach (var config in new Confluent.Kafka.ClientConfig[]
                 {
                     KafkaClientConfigs.Consumer(options, "c"), KafkaClientConfigs.Producer(options, "p"), KafkaClientConfigs.Admin(options, "a"),
                 })
        {
            var properties = config.ToDictionary(p => p.Key, p => p.Value);
            Assert.Equal("sasl_ssl", properties["security.protocol"]);
            Assert.Equal("SCRAM-SHA-512", properties["sasl.mechanism"]);
            Assert.Equal("sd-worker", properties["sasl.username"]);
            Assert.Equal(Password, properties["sasl.password"]);
            Assert.Equal(_ca, properties["ssl.ca.location"]);
        }
    }

    [Fact]
    public void The_consumer_fetches_ahead_at_most_the_configured_kilobytes_and_one_record_per_fetch()
    {
        var consumer = KafkaClientConfigs.Consumer(new KafkaOptions { BootstrapServers = "kafka:9092", MaxPrefetchKbytes = 8_192 }, "c");

        Assert.Equal(8_192, consumer.QueuedMaxMessagesKbytes);
        Assert.Equal(KafkaClientConfigs.MaxPrefetchRecords, consumer.QueuedMinMessages);
        Assert.Equal(KafkaClientConfigs.MaxRecordBytes, consumer.FetchMaxBytes);
        Assert.Equal(KafkaClientConfigs.PartitionFetchBytes, consumer.MaxPartitionFetchBytes);
    }

    [Theory]
    [InlineData("Kafka:SecurityProtocol=sasl_ssl", "Kafka:SaslMechanism is required")]
    [InlineData("Kafka:SecurityProtocol=sasl_ssl;Kafka:SaslMechanism=GSSAPI;Kafka:SaslUsername=u;Kafka:SaslPassword=" + Password, "Kafka:SaslMechanism 'GSSAPI' is not one of")]
    [InlineData("Kafka:SecurityProtocol=sasl_ssl;Kafka:SaslMechanism=PLAIN;Kafka:SaslUsername=u", "Kafka:SaslPassword is required")]
    [InlineData("Kafka:SecurityProtocol=sasl_plaintext;Kafka:SaslMechanism=PLAIN;Kafka:SaslUsername=u;Kafka:SaslPassword=" + Password, "sends the password unencrypted")]
    [InlineData("Kafka:SaslUsername=u;Kafka:SaslPassword=" + Password, "Kafka:SaslUsername is set but Kafka:SecurityProtocol is 'plaintext'")]
    [InlineData("Kafka:SecurityProtocol=plaintext;Kafka:SslCaLocation=/etc/ssl/ca.pem", "Kafka:SslCaLocation is set but Kafka:SecurityProtocol is 'plaintext'")]
    [InlineData("Kafka:SecurityProtocol=ssl;Kafka:SslCaLocation=/nowhere/ca.pem", "Kafka:SslCaLocation: the file '/nowhere/ca.pem' does not exist")]
    [InlineData("Kafka:SecurityProtocol=tls", "Kafka:SecurityProtocol 'tls' is not one of")]
    [InlineData("Kafka:Client:sasl.password=" + Password, "Kafka:Client:sasl.password is set: use the setting Kafka:SaslPassword")]
    [InlineData("Kafka:MaxPrefetchKbytes=10", "Kafka:MaxPrefetchKbytes must lie between")]
    public void An_inconsistent_Kafka_security_combination_stops_the_host_at_start_naming_the_setting_and_never_the_password(string settings, string expected)
    {
        var failure = Assert.Throws<InvalidSettingsException>(() => HostSettings.Read(Configuration(settings)));

        Assert.Contains(failure.Failures, f => f.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(Password, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_built_outside_the_host_with_inconsistent_security_is_refused_too()
    {
        var options = new KafkaOptions { BootstrapServers = "kafka:9092", SaslPassword = Password };

        var refused = Assert.Throws<InvalidOperationException>(() => KafkaClientConfigs.Producer(options, "p"));
        Assert.Contains("Kafka:SaslPassword is set but Kafka:SecurityProtocol is 'plaintext'", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SSL Mode=VerifyFull", "SSL Mode=VerifyFull needs the CA certificate")]
    [InlineData("SSL Mode=VerifyCA;Root Certificate=/nowhere/root.crt", "Root Certificate '/nowhere/root.crt' does not exist")]
    [InlineData("SSL Mode=Require;Root Certificate={ca}", "Root Certificate is set but SSL Mode is Require")]
    [InlineData("SSL Mode=Prefer;Root Certificate={ca}", "Root Certificate is set but SSL Mode is Prefer")]
    public void An_inconsistent_PostgreSQL_TLS_setting_stops_the_host_at_start(string tls, string expected)
    {
        var connection = $"Host=db;Database=sd;Username=sd_host;Password=pg-secret-value;{tls.Replace("{ca}", _ca, StringComparison.Ordinal)}";

        var failure = Assert.Throws<InvalidSettingsException>(() => HostSettings.Read(Configuration($"ConnectionStrings:Postgres={connection}")));

        Assert.Contains(failure.Failures, f => f.StartsWith("ConnectionStrings:Postgres", StringComparison.Ordinal) && f.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain("pg-secret-value", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verified_TLS_to_PostgreSQL_and_SASL_over_TLS_to_Kafka_are_accepted_at_start()
    {
        var settings = HostSettings.Read(Configuration(
            $"ConnectionStrings:Postgres=Host=db;Database=sd;Username=sd_host;SSL Mode=VerifyFull;Root Certificate={_ca}",
            $"Kafka:SecurityProtocol=sasl_ssl;Kafka:SaslMechanism=SCRAM-SHA-256;Kafka:SaslUsername=sd;Kafka:SaslPassword={Password};Kafka:SslCaLocation={_ca}"));

        Assert.Contains("VerifyFull", settings.PostgresConnectionString, StringComparison.Ordinal);
    }

    /// <summary>A valid worker host's settings with the given "key=value;key=value" pairs on top.</summary>
    private static IConfiguration Configuration(params string[] overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=db;Database=sd;Username=sd_host",
            ["SociaalDomein:Roles"] = "worker,alerts",
            ["Kafka:BootstrapServers"] = "kafka:9093",
            ["Privacy:BsnKey"] = Convert.ToBase64String(new byte[32]),
        };
        foreach (var group in overrides)
        {
            // A connection string holds ';' itself: it comes as one override of its own.
            if (group.StartsWith("ConnectionStrings:", StringComparison.Ordinal))
            {
                var at = group.IndexOf('=', StringComparison.Ordinal);
                values[group[..at]] = group[(at + 1)..];
                continue;
            }
            foreach (var pair in group.Split(';'))
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                values[pair[..at]] = pair[(at + 1)..];
            }
        }
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    public void Dispose() => File.Delete(_ca);
}
