using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using SociaalDomein.Delivery;
using SociaalDomein.Delivery.Email;
using SociaalDomein.Host.Composition;
using SociaalDomein.Host.Health;
using SociaalDomein.Host.Http;
using SociaalDomein.Host.Privacy;
using SociaalDomein.Host.Telemetry;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Monitoring.Budget;

namespace SociaalDomein.Host.Configuration;

/// <summary>
/// Every configuration key the host binds, derived from the options classes themselves, so the list cannot drift from
/// the code: the README table, the docker-compose.yml check and the unknown-setting check all read it.
/// </summary>
public static class SettingsCatalog
{
    /// <summary>The Npgsql connection string: <c>ConnectionStrings:Postgres</c>.</summary>
    public static string PostgresConnectionString => $"ConnectionStrings:{SociaalDomeinHost.PostgresConnectionStringName}";

    /// <summary>The optional connection string the schema migrations run with (the schema's owner): <c>ConnectionStrings:PostgresMigrations</c>.</summary>
    public static string PostgresMigrationsConnectionString => $"ConnectionStrings:{SociaalDomeinHost.PostgresMigrationsConnectionStringName}";

    /// <summary>Logging levels, bound by the logging builder: <c>Logging:LogLevel:Default</c>, <c>Logging:LogLevel:Npgsql</c>, ...</summary>
    public const string LogLevels = "Logging:LogLevel";

    private const string LoggingSection = "Logging";

    /// <summary>The business API's keys, read by SociaalDomein.Api: <c>Api:Keys:{id}:Key</c>, <c>:Role</c>, <c>:Municipalities</c>.</summary>
    public const string ApiKeys = SociaalDomein.Api.Security.ApiKeyRegistry.Section;

    /// <summary>The options classes the host binds, with their sections.</summary>
    public static IReadOnlyList<(string Section, Type Options)> Sections { get; } =
    [
        (SociaalDomeinOptions.Section, typeof(SociaalDomeinOptions)),
        (KafkaOptions.Section, typeof(KafkaOptions)),
        (OrleansOptions.Section, typeof(OrleansOptions)),
        (PrivacyOptions.Section, typeof(PrivacyOptions)),
        (MonitoringOptions.Section, typeof(MonitoringOptions)),
        (HttpOptions.Section, typeof(HttpOptions)),
        (HealthOptions.Section, typeof(HealthOptions)),
        (TelemetryOptions.Section, typeof(TelemetryOptions)),
        (DeliveryOptions.Section, typeof(DeliveryOptions)),
        (SmtpOptions.Section, typeof(SmtpOptions)),
    ];

    /// <summary>Every setting: one per bindable property of the options classes, plus the connection string and logging.</summary>
    public static IReadOnlyList<Setting> All { get; } = Discover();

    /// <summary>
    /// True when the host binds <paramref name="key"/> ("Kafka:BootstrapServers", "Kafka:InputTopics:0",
    /// "Kafka:Client:security.protocol", "Logging:LogLevel:Default"); case-insensitive, as configuration is.
    /// </summary>
    public static bool Binds(string key) => Find(key) is not null;

    /// <summary>The setting that binds <paramref name="key"/>, or null.</summary>
    public static Setting? Find(string key)
    {
        var segments = key.Split(ConfigurationPath.KeyDelimiter);
        // The whole Logging section goes to the logging builder (levels, console formatter options).
        if (segments.Length > 1 && string.Equals(segments[0], LoggingSection, StringComparison.OrdinalIgnoreCase))
            return All.First(s => s.Path == LogLevels);
        foreach (var setting in All)
        {
            var path = setting.Path.Split(ConfigurationPath.KeyDelimiter);
            if (segments.Length < path.Length || !path.Zip(segments).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase)))
                continue;
            var rest = segments.Length - path.Length;
            var matches = setting.Shape switch
            {
                SettingShape.Value => rest == 0,
                SettingShape.List => rest == 0 || (rest == 1 && int.TryParse(segments[^1], out var index) && index >= 0),
                SettingShape.Map => rest == 1 && segments[^1].Length > 0,
                SettingShape.Tree => rest >= 1,
                _ => false,
            };
            if (matches) return setting;
        }
        return null;
    }

    /// <summary>Keys under the host's own sections that no setting binds: most likely a typo.</summary>
    public static IEnumerable<string> UnknownKeys(IConfiguration configuration) =>
        // Orleans reads its section itself too (e.g. Orleans:Endpoints:*), so only the host's own sections are checked.
        Sections.Where(s => s.Section != OrleansOptions.Section)
            .SelectMany(s => configuration.GetSection(s.Section).AsEnumerable(makePathsRelative: false))
            .Where(entry => entry.Value is not null && !Binds(entry.Key))
            .Select(entry => entry.Key)
            .Order(StringComparer.OrdinalIgnoreCase);

    /// <summary>The known setting closest to a misspelt key, for "did you mean"; null when none is close.</summary>
    public static string? ClosestTo(string key)
    {
        var best = All.Select(s => (s.Path, Distance: Distance(s.Path.ToLowerInvariant(), key.ToLowerInvariant())))
            .OrderBy(c => c.Distance).FirstOrDefault();
        return best.Path is not null && best.Distance <= 3 ? best.Path : null;
    }

    private static List<Setting> Discover()
    {
        var settings = new List<Setting>
        {
            new(PostgresConnectionString, SettingShape.Value, typeof(string)),
            new(PostgresMigrationsConnectionString, SettingShape.Value, typeof(string)),
            new(LogLevels, SettingShape.Map, typeof(string)),
            new(ApiKeys, SettingShape.Tree, typeof(string)),
        };
        foreach (var (section, type) in Sections)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                // The binder sets public setters; read-only helpers such as EffectiveInputTopics are not settings.
                if (property.SetMethod is not { IsPublic: true }) continue;
                settings.Add(new Setting($"{section}:{property.Name}", ShapeOf(property.PropertyType), property.PropertyType));
            }
        }
        return settings;
    }

    private static SettingShape ShapeOf(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type)) return SettingShape.Value;
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? SettingShape.Map : SettingShape.List;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}

/// <summary>How a setting appears among configuration keys.</summary>
public enum SettingShape
{
    /// <summary>One value at the path.</summary>
    Value,

    /// <summary>A list: one value per index under the path (<c>Kafka:InputTopics:0</c>, <c>Kafka:InputTopics:1</c>).</summary>
    List,

    /// <summary>A map: any name under the path (<c>Kafka:Client:security.protocol</c>).</summary>
    Map,

    /// <summary>Named entries with settings of their own under the path (<c>Api:Keys:ops:Role</c>).</summary>
    Tree,
}

/// <param name="Path">The key with ':' between sections ("Kafka:BootstrapServers"); as an environment variable '__' replaces ':'.</param>
public sealed record Setting(string Path, SettingShape Shape, Type ValueType)
{
    public string EnvironmentVariable => Path.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>How the README's table names it: the path, with ":*" for a map.</summary>
    public string Documented => Shape is SettingShape.Map or SettingShape.Tree ? Path + ":*" : Path;
}
