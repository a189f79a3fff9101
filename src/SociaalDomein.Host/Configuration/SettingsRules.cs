using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;
using SociaalDomein.Host.Composition;
using SociaalDomein.Host.Health;
using SociaalDomein.Host.Http;
using SociaalDomein.Host.Privacy;
using SociaalDomein.Host.Telemetry;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Monitoring.Budget;

namespace SociaalDomein.Host.Configuration;

/// <summary>
/// What makes each setting valid. Every failure is one sentence that starts with the setting's name, says what is wrong
/// and what would be right, and never repeats a secret.
/// </summary>
public static partial class SettingsRules
{
    public static IEnumerable<string> Check(SociaalDomeinOptions options)
    {
        string? rolesError = null;
        try
        {
            HostRolesParser.Parse(options.Roles);
        }
        catch (ArgumentException e)
        {
            rolesError = e.Message;
        }
        if (rolesError is not null) yield return rolesError;
        if (options.ShutdownTimeoutSeconds is < 1 or > 3_600)
            yield return $"SociaalDomein:ShutdownTimeoutSeconds must lie between 1 and 3600 (got {options.ShutdownTimeoutSeconds}).";
    }

    public static IEnumerable<string> CheckPostgres(string? connectionString) => CheckPostgres(connectionString, "ConnectionStrings:Postgres");

    /// <summary>
    /// The optional migration connection string (<c>ConnectionStrings:PostgresMigrations</c>): a valid connection string
    /// (TLS checked as the other) to the same server and database as <c>ConnectionStrings:Postgres</c>, or nothing.
    /// </summary>
    public static IEnumerable<string> CheckPostgresMigrations(string? migrationConnectionString, string? connectionString)
    {
        const string name = "ConnectionStrings:PostgresMigrations";
        if (string.IsNullOrWhiteSpace(migrationConnectionString)) yield break; // not set (an empty value too): the migrations use the app's
        var problems = CheckPostgres(migrationConnectionString, name).ToList();
        foreach (var problem in problems) yield return problem;
        if (problems.Count > 0 || CheckPostgres(connectionString).Any()) yield break; // the other one's problems are reported with it
        var migrations = new NpgsqlConnectionStringBuilder(migrationConnectionString);
        var app = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.Equals(migrations.Host, app.Host, StringComparison.OrdinalIgnoreCase) || migrations.Port != app.Port
            || !string.Equals(migrations.Database, app.Database, StringComparison.Ordinal))
        {
            yield return $"{name} points at {migrations.Host}:{migrations.Port}/{migrations.Database} but ConnectionStrings:Postgres at " +
                         $"{app.Host}:{app.Port}/{app.Database}: the migrations must change the database the host uses (same Host, Port and Database).";
        }
    }

    private static IEnumerable<string> CheckPostgres(string? connectionString, string name)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            yield return $"{name} is required: an Npgsql connection string, e.g. Host=postgres;Port=5432;Username=sd;Database=sociaaldomein.";
            yield break;
        }
        string? error = null;
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(parsed.Host)) error = $"{name} names no Host (e.g. Host=postgres).";
            else if (string.IsNullOrWhiteSpace(parsed.Database)) error = $"{name} names no Database (e.g. Database=sociaaldomein).";
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // Npgsql names the offending keyword, not its value, so no password is repeated here.
            error = $"{name} is not a valid Npgsql connection string: {e.Message}";
        }
        if (error is not null) yield return error;
        else foreach (var problem in SociaalDomein.Storage.Connection.PostgresTls.Problems(connectionString, name)) yield return problem;
    }

    public static IEnumerable<string> Check(KafkaOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            yield return "Kafka:BootstrapServers is required: host:port[,host:port] (e.g. kafka:9092).";
        }
        else
        {
            foreach (var server in options.BootstrapServers.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!IsHostPort(server))
                    yield return $"Kafka:BootstrapServers: '{server}' is not host:port with a port from 1 to 65535 (e.g. kafka:9092).";
            }
        }
        foreach (var topic in options.InputTopics)
        {
            if (!IsTopicName(topic)) yield return TopicError("Kafka:InputTopics", topic);
        }
        if (!IsTopicName(options.DeadLetterTopic)) yield return TopicError("Kafka:DeadLetterTopic", options.DeadLetterTopic);
        if (!IsTopicName(options.AlertTopic)) yield return TopicError("Kafka:AlertTopic", options.AlertTopic);
        if (options.EffectiveInputTopics.Contains(options.DeadLetterTopic, StringComparer.Ordinal))
            yield return $"Kafka:DeadLetterTopic '{options.DeadLetterTopic}' is also an input topic: refused records would be consumed again.";
        if (options.EffectiveInputTopics.Contains(options.AlertTopic, StringComparer.Ordinal))
            yield return $"Kafka:AlertTopic '{options.AlertTopic}' is also an input topic: alerts would be consumed as messages.";
        if (string.IsNullOrWhiteSpace(options.ConsumerGroup))
            yield return "Kafka:ConsumerGroup must not be empty (default sd-ingestion).";
        if (options.SessionTimeoutMs is < 1_000 or > 1_800_000)
            yield return $"Kafka:SessionTimeoutMs must lie between 1000 and 1800000 (got {options.SessionTimeoutMs}).";
        if (options.TopicMetadataRefreshIntervalMs is < 10 or > 3_600_000)
            yield return $"Kafka:TopicMetadataRefreshIntervalMs must lie between 10 and 3600000 (got {options.TopicMetadataRefreshIntervalMs}).";
        foreach (var (key, _) in options.Client.Where(c => string.IsNullOrWhiteSpace(c.Key) || c.Key.Contains(' ', StringComparison.Ordinal)))
            yield return $"Kafka:Client: '{key}' is not a librdkafka property name (e.g. security.protocol).";
        foreach (var problem in options.SecurityProblems()) yield return problem;
    }

    public static IEnumerable<string> Check(OrleansOptions options)
    {
        if (!IsIdentity(options.ClusterId))
            yield return $"Orleans:ClusterId must be letters, digits, '.', '_' or '-' (got '{options.ClusterId}').";
        if (!IsIdentity(options.ServiceId))
            yield return $"Orleans:ServiceId must be letters, digits, '.', '_' or '-' (got '{options.ServiceId}').";
        if (options.SiloPort is < 0 or > 65_535)
            yield return $"Orleans:SiloPort must lie between 0 (a free port) and 65535 (got {options.SiloPort}).";
        if (options.GatewayPort is < 0 or > 65_535)
            yield return $"Orleans:GatewayPort must lie between 0 (a free port) and 65535 (got {options.GatewayPort}).";
        if (options.SiloPort != 0 && options.SiloPort == options.GatewayPort)
            yield return $"Orleans:SiloPort and Orleans:GatewayPort must differ (both are {options.SiloPort}).";
        if (options.GrainCollectionAge < TimeSpan.FromSeconds(2) || options.GrainCollectionAge > TimeSpan.FromDays(7))
            yield return $"Orleans:GrainCollectionAge must lie between 00:00:02 and 7.00:00:00 (got {options.GrainCollectionAge}).";
    }

    public static IEnumerable<string> Check(PrivacyOptions options)
    {
        var hasKey = !string.IsNullOrWhiteSpace(options.BsnKey);
        var hasFile = !string.IsNullOrWhiteSpace(options.BsnKeyFile);
        if (hasKey && hasFile)
        {
            yield return "Privacy:BsnKey and Privacy:BsnKeyFile are both set: give the key one way only.";
        }
        else if (!hasKey && !hasFile)
        {
            yield return "Privacy:BsnKey is required (or Privacy:BsnKeyFile, a file holding it): a base64 key of at least 32 bytes, " +
                         "e.g. from `openssl rand -base64 32`, kept in a secret store.";
        }
        else if (hasFile && !File.Exists(options.BsnKeyFile))
        {
            yield return $"Privacy:BsnKeyFile: the file '{options.BsnKeyFile}' does not exist or cannot be read.";
        }
        else if (!IsKeyUsable(SafeResolve(options)))
        {
            // Never echo the key.
            yield return hasFile
                ? $"Privacy:BsnKeyFile: the file '{options.BsnKeyFile}' must hold a base64 key that decodes to at least 32 bytes."
                : "Privacy:BsnKey must be base64 and decode to at least 32 bytes.";
        }
        if (string.IsNullOrWhiteSpace(options.BsnKeyId) || options.BsnKeyId.Length > 32 || !IsIdentity(options.BsnKeyId))
            yield return $"Privacy:BsnKeyId must be 1 to 32 letters, digits, '.', '_' or '-' (got '{options.BsnKeyId}').";
    }

    public static IEnumerable<string> Check(MonitoringOptions options)
    {
        foreach (var percent in options.ThresholdPercents.Where(p => p is < 1 or > 1_000))
            yield return $"Monitoring:ThresholdPercents: {percent} is not a percentage between 1 and 1000.";
        if (options.PacingTolerance is < 1m or > 10m || options.PacingTolerance.Scale > 6)
            yield return $"Monitoring:PacingTolerance must be between 1 and 10 with at most 6 decimals (got {options.PacingTolerance}).";
        if (options.DeclarationLagWorkingDays is < 0 or > 60)
            yield return $"Monitoring:DeclarationLagWorkingDays must be between 0 and 60 (got {options.DeclarationLagWorkingDays}).";
        if (options.AllocationWithoutStartDays is < 1 or > 366)
            yield return $"Monitoring:AllocationWithoutStartDays must be between 1 and 366 (got {options.AllocationWithoutStartDays}).";
        if (options.EvaluationInterval < TimeSpan.FromSeconds(1) || options.EvaluationInterval > TimeSpan.FromDays(1))
            yield return $"Monitoring:EvaluationInterval must be between 00:00:01 and 1.00:00:00 (got {options.EvaluationInterval}).";
    }

    public static IEnumerable<string> Check(HttpOptions options)
    {
        if (options.EffectiveUrls.Count == 0)
            yield return $"Http:Urls must name at least one URL to listen on (e.g. {HttpOptions.DefaultUrls}; port 0 picks a free one).";
        foreach (var url in options.EffectiveUrls)
        {
            if (!Uri.TryCreate(url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal),
                    UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
                yield return $"Http:Urls: '{url}' is not an http://host:port URL (TLS is terminated in front of this host, so no https).";
        }
    }

    public static IEnumerable<string> Check(HealthOptions options)
    {
        if (options.KafkaTimeoutMs is < 100 or > 60_000)
            yield return $"Health:KafkaTimeoutMs must lie between 100 and 60000 (got {options.KafkaTimeoutMs}).";
        if (options.ReadinessCacheMs is < 0 or > 60_000)
            yield return $"Health:ReadinessCacheMs must lie between 0 and 60000 (got {options.ReadinessCacheMs}).";
    }

    public static IEnumerable<string> Check(TelemetryOptions options)
    {
        if (options.OtlpEndpoint.Length > 0
            && (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            yield return $"Telemetry:OtlpEndpoint: '{options.OtlpEndpoint}' is not an http(s) URL (e.g. http://otel-collector:4317), or leave it empty for no OTLP export.";
        if (options.OtlpProtocol is not ("grpc" or "http/protobuf"))
            yield return $"Telemetry:OtlpProtocol must be grpc or http/protobuf (got '{options.OtlpProtocol}').";
        if (string.IsNullOrWhiteSpace(options.ServiceName))
            yield return "Telemetry:ServiceName must not be empty (default sociaaldomein-streaming).";
    }

    private static string TopicError(string setting, string topic) =>
        $"{setting}: '{topic}' is not a Kafka topic name (1 to 249 letters, digits, '.', '_' or '-').";

    private static bool IsHostPort(string server)
    {
        var colon = server.LastIndexOf(':');
        return colon > 0
               && int.TryParse(server[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65_535
               && Uri.CheckHostName(server[..colon].Trim('[', ']')) != UriHostNameType.Unknown;
    }

    private static bool IsTopicName(string topic) => topic.Length is >= 1 and <= 249 && topic is not ("." or "..") && TopicName().IsMatch(topic);

    private static bool IsIdentity(string value) => value.Length > 0 && TopicName().IsMatch(value);

    private static string SafeResolve(PrivacyOptions options)
    {
        try
        {
            return options.ResolveKey();
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static bool IsKeyUsable(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var length) && length >= 32;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicName();
}

/// <summary>Runs a set of <see cref="SettingsRules"/> as an options validator, so they also guard <c>ValidateOnStart</c>.</summary>
public sealed class SettingsValidator<TOptions>(Func<TOptions, IEnumerable<string>> rules) : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = rules(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
