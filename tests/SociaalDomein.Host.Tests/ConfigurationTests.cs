using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SociaalDomein.Host.Composition;
using SociaalDomein.Host.Configuration;

namespace SociaalDomein.Host.Tests;

/// <summary>Every setting is checked before anything starts, and a refusal names the setting and what would be right.</summary>
[Trait("Category", "Configuration")]
public sealed class ConfigurationTests : IDisposable
{
    private static readonly string ValidKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-host-config-");

    private static Dictionary<string, string?> Valid() => new()
    {
        ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=5432;Username=sd;Database=sociaaldomein",
        ["Kafka:BootstrapServers"] = "127.0.0.1:9092",
        ["Privacy:BsnKey"] = ValidKey,
    };

    [Theory]
    [InlineData("ConnectionStrings:Postgres", null, "ConnectionStrings:Postgres is required")]
    [InlineData("ConnectionStrings:Postgres", "Host=db;Pasword=x;Database=sd", "ConnectionStrings:Postgres is not a valid Npgsql connection string")]
    [InlineData("ConnectionStrings:Postgres", "Host=db;Username=sd", "ConnectionStrings:Postgres names no Database")]
    [InlineData("Kafka:BootstrapServers", null, "Kafka:BootstrapServers is required")]
    [InlineData("Kafka:BootstrapServers", "kafka", "Kafka:BootstrapServers: 'kafka' is not host:port")]
    [InlineData("Kafka:InputTopics:0", "istd ijw", "Kafka:InputTopics: 'istd ijw' is not a Kafka topic name")]
    [InlineData("Kafka:DeadLetterTopic", "istd.ijw", "Kafka:DeadLetterTopic 'istd.ijw' is also an input topic")]
    [InlineData("Kafka:SessionTimeoutMs", "500", "Kafka:SessionTimeoutMs must lie between 1000 and 1800000 (got 500)")]
    [InlineData("Kafka:SessionTimeoutMs", "ten", "Kafka:SessionTimeoutMs: 'ten' is not a whole number")]
    [InlineData("Kafka:BootstrapServer", "kafka:9092", "Kafka:BootstrapServer is not a setting of this host; did you mean Kafka:BootstrapServers?")]
    [InlineData("Privacy:BsnKey", null, "Privacy:BsnKey is required")]
    [InlineData("Privacy:BsnKey", "c2hvcnQ=", "Privacy:BsnKey must be base64 and decode to at least 32 bytes")]
    [InlineData("Privacy:BsnKeyFile", "/run/secrets/sd_bsn_key", "Privacy:BsnKey and Privacy:BsnKeyFile are both set")]
    [InlineData("Privacy:BsnKeyId", "k 1", "Privacy:BsnKeyId must be 1 to 32 letters")]
    [InlineData("Monitoring:ThresholdPercents:0", "0", "Monitoring:ThresholdPercents: 0 is not a percentage between 1 and 1000")]
    [InlineData("Monitoring:ThresholdPercents", "75,90", "Monitoring:ThresholdPercents is a list: give one value per index")]
    [InlineData("SociaalDomein:Roles", "silo,ingest", "SociaalDomein:Roles: 'ingest' is not a role")]
    [InlineData("SociaalDomein:ShutdownTimeoutSeconds", "0", "SociaalDomein:ShutdownTimeoutSeconds must lie between 1 and 3600")]
    [InlineData("Orleans:Membership", "zookeeper", "Orleans:Membership: 'zookeeper' is not one of localhost, postgres.")]
    [InlineData("Orleans:SiloPort", "70000", "Orleans:SiloPort must lie between 0 (a free port) and 65535")]
    [InlineData("Orleans:ClusterId", "sd cluster", "Orleans:ClusterId must be letters, digits")]
    [InlineData("Orleans:GrainCollectionAge", "00:00:01", "Orleans:GrainCollectionAge must lie between 00:00:02 and 7.00:00:00 (got 00:00:01)")]
    [InlineData("Http:Urls", "https://0.0.0.0:8443", "Http:Urls: 'https://0.0.0.0:8443' is not an http://host:port URL")]
    [InlineData("Health:KafkaTimeoutMs", "10", "Health:KafkaTimeoutMs must lie between 100 and 60000")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317", "Telemetry:OtlpEndpoint: 'collector:4317' is not an http(s) URL")]
    [InlineData("Telemetry:OtlpProtocol", "udp", "Telemetry:OtlpProtocol must be grpc or http/protobuf")]
    [InlineData("Telemetry:PrometheusEndpoint", "yes", "Telemetry:PrometheusEndpoint: 'yes' is not true or false")]
    [InlineData("Delivery:MaxAttempts", "0", "Delivery:MaxAttempts must lie between 1 and 50 (got 0)")]
    [InlineData("Smtp:From", "signalering@rob.example.nl", "Smtp:Host is required when Smtp:From or Smtp:UserName is set")]
    public void A_wrong_or_missing_setting_stops_the_host_before_it_starts_with_one_message_naming_it(string key, string? value, string expected)
    {
        var settings = Valid();
        if (value is null) settings.Remove(key);
        else settings[key] = value;

        var error = Assert.Throws<InvalidSettingsException>(() => SociaalDomeinHost.CreateBuilder(Build(settings)));

        var failure = Assert.Single(error.Failures);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
        Assert.StartsWith(key.Split(':')[0], failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_at_once_and_no_secret_is_repeated()
    {
        var secret = "dGhpcy1pcy1ub3QtbG9uZy1lbm91Z2g=";
        var settings = new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = "kafka",
            ["Privacy:BsnKey"] = secret,
            ["Orleans:Membership"] = "consul",
        };

        var error = Assert.Throws<InvalidSettingsException>(() => SociaalDomeinHost.CreateBuilder(Build(settings)));

        Assert.Equal(["ConnectionStrings:Postgres", "Kafka:BootstrapServers", "Orleans:Membership", "Privacy:BsnKey"],
            error.Failures.Select(f => Regex.Match(f, @"^[A-Za-z]+:[A-Za-z]+").Value).Order());
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void API_keys_are_checked_with_the_other_settings_on_a_host_with_the_api_role()
    {
        var settings = Valid();
        settings["Api:Keys:ops:Key"] = "too-short";
        settings["Api:Keys:ops:Role"] = "boss";

        var error = Assert.Throws<InvalidSettingsException>(() => SociaalDomeinHost.CreateBuilder(Build(settings)));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("Api:Keys: ", failure, StringComparison.Ordinal);
        Assert.Contains("Api:Keys:ops:Key is required and must be at least 24 characters", failure, StringComparison.Ordinal);
        Assert.Contains("Api:Keys:ops:Role must be one of", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("too-short", failure, StringComparison.Ordinal);
        settings["SociaalDomein:Roles"] = "silo,worker";
        Assert.NotNull(SociaalDomeinHost.CreateBuilder(Build(settings)));
    }

    [Fact]
    public void A_silo_only_host_needs_no_Kafka_settings()
    {
        var settings = Valid();
        settings.Remove("Kafka:BootstrapServers");
        settings["SociaalDomein:Roles"] = "silo";

        var builder = SociaalDomeinHost.CreateBuilder(Build(settings));

        Assert.NotNull(builder);
    }

    [Fact]
    public void The_BSN_key_can_come_from_a_secret_file_which_is_checked_like_the_key()
    {
        var settings = Valid();
        settings.Remove("Privacy:BsnKey");
        settings["Privacy:BsnKeyFile"] = Path.Combine(_work.FullName, "sd_bsn_key");
        File.WriteAllText(settings["Privacy:BsnKeyFile"]!, ValidKey + "\n");
        Assert.NotNull(SociaalDomeinHost.CreateBuilder(Build(settings)));

        File.WriteAllText(settings["Privacy:BsnKeyFile"]!, "c2hvcnQ=");
        var error = Assert.Throws<InvalidSettingsException>(() => SociaalDomeinHost.CreateBuilder(Build(settings)));
        Assert.StartsWith("Privacy:BsnKeyFile: the file", Assert.Single(error.Failures), StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_bind_from_environment_variables_with_double_underscores()
    {
        var prefix = $"SDTEST{Environment.ProcessId}_";
        var variables = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = "Host=db;Database=sd",
            ["Kafka__BootstrapServers"] = "kafka:9092",
            ["Kafka__InputTopics__0"] = "istd.ijw",
            ["Kafka__InputTopics__1"] = "istd.iwmo",
            ["Privacy__BsnKey"] = ValidKey,
            ["Orleans__Membership"] = "localhost",
            ["Http__Urls"] = "http://0.0.0.0:8080",
            ["Telemetry__OtlpEndpoint"] = "http://otel-collector:4317",
        };
        try
        {
            foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(prefix + name, value);
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            var settings = HostSettings.Read(configuration);

            Assert.Equal(("http://0.0.0.0:8080", "http://otel-collector:4317"), (settings.Http.Urls, settings.Telemetry.OtlpEndpoint));
            Assert.Equal(["istd.ijw", "istd.iwmo"], configuration.GetSection("Kafka:InputTopics").Get<List<string>>());
            Assert.All(variables.Keys, name => Assert.True(SettingsCatalog.Binds(name.Replace("__", ":", StringComparison.Ordinal)), name));
        }
        finally
        {
            foreach (var name in variables.Keys) Environment.SetEnvironmentVariable(prefix + name, null);
        }
    }

    [Fact]
    public void The_README_table_documents_every_setting_the_host_binds_and_no_other()
    {
        var readme = Repository.Read("README.md");
        var section = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var documented = Regex.Matches(section, @"^\| `([^`]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(SettingsCatalog.All.Select(s => s.Documented).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    private static IConfiguration Build(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    public void Dispose() => _work.Delete(recursive: true);
}
