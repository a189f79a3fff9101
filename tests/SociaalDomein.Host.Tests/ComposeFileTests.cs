using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SociaalDomein.Host.Composition;
using SociaalDomein.Host.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SociaalDomein.Host.Tests;

/// <summary>
/// docker-compose.yml cannot be started here (no Docker engine), so what can be checked is checked: the services are
/// there, and every setting given to an sdstream container is one the host binds, with values it accepts.
/// </summary>
[Trait("Category", "Configuration")]
public sealed partial class ComposeFileTests
{
    private const string SdstreamImage = "sociaaldomein/sdstream:local";

    private static readonly YamlMappingNode Services = (YamlMappingNode)LoadCompose()["services"];

    [Fact]
    public void Every_environment_variable_given_to_an_sdstream_container_is_a_setting_the_host_binds()
    {
        var variables = SdstreamServices().SelectMany(s => Environment(s.Service).Keys.Select(k => (s.Name, Key: k))).ToList();
        Assert.True(variables.Count >= 30, $"expected the hosts' settings, found {variables.Count}");

        var unknown = variables.Where(v => !SettingsCatalog.Binds(v.Key.Replace("__", ":", StringComparison.Ordinal)))
            .Select(v => $"{v.Name}: {v.Key}").ToList();
        Assert.True(unknown.Count == 0, "not bound by the host: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_hosts_settings_pass_the_hosts_own_validation()
    {
        var keyFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            foreach (var (name, service) in SdstreamServices().Where(s => Command(s.Service).FirstOrDefault() == "serve"))
            {
                var settings = Environment(service).ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)WithDefaults(e.Value));
                Assert.Equal("/run/secrets/sd_bsn_key", settings["Privacy:BsnKeyFile"]);
                settings["Privacy:BsnKeyFile"] = keyFile;

                var read = HostSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

                Assert.Equal(OrleansClustering.Postgres, read.Orleans.Membership);
                Assert.Equal(["http://0.0.0.0:8080"], read.Http.EffectiveUrls);
                Assert.True(read.Roles.HasFlag(HostRoles.Silo), name);
                Assert.Equal(read.Roles.HasFlag(HostRoles.Api), settings.ContainsKey("Api:Keys:admin:Key"));
            }
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public void Two_silo_worker_hosts_and_one_API_host_run_from_the_image_built_by_the_repository_Dockerfile()
    {
        var hosts = SdstreamServices().Where(s => Command(s.Service).FirstOrDefault() == "serve")
            .ToDictionary(s => s.Name, s => Environment(s.Service)["SociaalDomein__Roles"]);
        Assert.Equal(new Dictionary<string, string> { ["host-1"] = "silo,worker", ["host-2"] = "silo,worker", ["api"] = "silo,api,alerts" }, hosts);
        Assert.All(SdstreamServices(), s => Assert.Equal(".", Scalar(s.Service, "build")));
        var dockerfile = Repository.Read("Dockerfile");
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", dockerfile);
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0$", dockerfile);
        Assert.DoesNotMatch(@"(?m)^ENV ", dockerfile);
    }

    [Fact]
    public void Kafka_PostgreSQL_the_collector_Prometheus_and_Grafana_are_there_with_their_configuration_files()
    {
        Assert.StartsWith("apache/kafka:", Scalar(Services["kafka"], "image"));
        Assert.Equal("broker,controller", Environment(Services["kafka"])["KAFKA_PROCESS_ROLES"]);
        Assert.StartsWith("postgres:", Scalar(Services["postgres"], "image"));
        Assert.StartsWith("otel/opentelemetry-collector", Scalar(Services["otel-collector"], "image"));
        Assert.StartsWith("prom/prometheus:", Scalar(Services["prometheus"], "image"));
        Assert.StartsWith("grafana/grafana:", Scalar(Services["grafana"], "image"));
        var mounted = Services.Children.Values.OfType<YamlMappingNode>()
            .SelectMany(s => s.Children.TryGetValue("volumes", out var v) ? ((YamlSequenceNode)v).Children.Select(c => c.ToString()) : [])
            .Where(v => v.StartsWith("./", StringComparison.Ordinal)).Select(v => v[2..v.IndexOf(':', StringComparison.Ordinal)]).ToList();
        Assert.Equal(5, mounted.Count);
        Assert.All(mounted, path => Assert.True(File.Exists(Repository.PathOf(path)) || Directory.Exists(Repository.PathOf(path)), path));

        // Prometheus scrapes every sdstream host on the port its Http__Urls names.
        var prometheus = Repository.Read("deploy/prometheus/prometheus.yml");
        foreach (var host in new[] { "host-1", "host-2", "api" }) Assert.Contains($"\"{host}:8080\"", prometheus, StringComparison.Ordinal);
        Assert.Contains("http://otel-collector:4317", Environment(Services["host-1"])["Telemetry__OtlpEndpoint"], StringComparison.Ordinal);
        Assert.Contains("endpoint: 0.0.0.0:4317", Repository.Read("deploy/otel-collector/config.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_alert_host_sends_its_e_mail_to_the_local_mailpit_sink_unless_told_otherwise()
    {
        var api = Environment(Services["api"]);
        var smtp = api.Where(e => e.Key.StartsWith("Smtp__", StringComparison.Ordinal)).ToDictionary(e => e.Key, e => WithDefaults(e.Value));

        Assert.Contains("alerts", api["SociaalDomein__Roles"], StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Smtp__Host"] = "mailpit", ["Smtp__Port"] = "1025", ["Smtp__StartTls"] = "false", ["Smtp__From"] = "signalering@rob.example.nl",
        }, smtp);
        var options = new ConfigurationBuilder().AddInMemoryCollection(smtp.ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value))
            .Build().GetSection(SociaalDomein.Delivery.Email.SmtpOptions.Section).Get<SociaalDomein.Delivery.Email.SmtpOptions>()!;
        Assert.Empty(options.Check());
        Assert.StartsWith("axllent/mailpit:", Scalar(Services["mailpit"], "image"));
    }

    [Fact]
    public void The_load_profile_generates_a_scenario_loads_its_ceilings_and_publishes_it_to_Kafka()
    {
        var load = Services.Children.Where(s => ((YamlMappingNode)s.Value).Children.TryGetValue("profiles", out var p)
                                                && ((YamlSequenceNode)p).Children.Any(c => c.ToString() == "load"))
            .ToDictionary(s => s.Key.ToString(), s => (YamlMappingNode)s.Value);
        Assert.Equal(["load-ceilings", "load-generate", "load-publish"], load.Keys.Order());
        Assert.Equal("generate", Command(load["load-generate"])[0]);
        Assert.Equal(["publish", "--bootstrap-servers", "kafka:9092", "/scenario"], Command(load["load-publish"]));
        Assert.Contains("/load/load-ceilings.sql", Command(load["load-ceilings"]));
    }

    private static IEnumerable<(string Name, YamlMappingNode Service)> SdstreamServices() =>
        Services.Children.Select(s => (Name: s.Key.ToString(), Service: (YamlMappingNode)s.Value))
            .Where(s => Scalar(s.Service, "image") == SdstreamImage || s.Service.Children.ContainsKey("build"));

    private static Dictionary<string, string> Environment(YamlNode service) =>
        ((YamlMappingNode)service).Children.TryGetValue("environment", out var environment)
            ? ((YamlMappingNode)environment).Children.Where(e => e.Key.ToString() != "<<")
                .ToDictionary(e => e.Key.ToString(), e => e.Value.ToString())
            : [];

    private static List<string> Command(YamlMappingNode service) =>
        service.Children.TryGetValue("command", out var command) ? ((YamlSequenceNode)command).Children.Select(c => c.ToString()).ToList() : [];

    private static string? Scalar(YamlNode service, string key) =>
        ((YamlMappingNode)service).Children.TryGetValue(key, out var value) ? value.ToString() : null;

    /// <summary>
    /// Compose's <c>${NAME:-default}</c> with the default, as on a machine that sets nothing, and a required
    /// <c>${NAME:?message}</c> with a value as long as a generated secret.
    /// </summary>
    private static string WithDefaults(string value) => Interpolation().Replace(value, m =>
        m.Groups["op"].Value.EndsWith('?') ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)) : m.Groups["arg"].Value);

    private static YamlMappingNode LoadCompose()
    {
        using var reader = new StringReader(Repository.Read("docker-compose.yml"));
        var stream = new YamlStream();
        // Compose merges the x-sdstream anchors into each service with "<<"; so does this parser.
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Z_]+)((?<op>:?[-?])(?<arg>[^}]*))?\}")]
    private static partial Regex Interpolation();
}
