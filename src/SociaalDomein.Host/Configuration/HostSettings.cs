using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
/// The settings a host is built from, read and checked in one go before anything starts, so a wrong deployment fails
/// at once with every problem listed rather than one at a time. The same rules are registered as options validators
/// with <c>ValidateOnStart</c>.
/// </summary>
public sealed record HostSettings(
    HostRoles Roles,
    string PostgresConnectionString,
    SociaalDomeinOptions Host,
    OrleansOptions Orleans,
    HttpOptions Http,
    TelemetryOptions Telemetry,
    HealthOptions Health,
    string? PostgresMigrationsConnectionString = null)
{
    /// <summary>Binds and checks every setting the <paramref name="configuration"/>'s roles need.</summary>
    /// <exception cref="InvalidSettingsException">One or more settings are missing or wrong; each failure names its setting.</exception>
    public static HostSettings Read(IConfiguration configuration)
    {
        var failures = new List<string>();
        var shapeErrors = CheckShapes(configuration).ToList();
        failures.AddRange(shapeErrors.Select(e => e.Failure));
        if (shapeErrors.Count > 0)
        {
            // Bind the rest as if the unusable values were not there, so every other setting is still checked.
            var unusable = shapeErrors.Select(e => e.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(configuration.AsEnumerable().Where(entry => entry.Value is not null && !unusable.Contains(entry.Key)))
                .Build();
        }
        if (configuration["Orleans:Clustering"] is not null)
            failures.Add("Orleans:Clustering is read by Orleans itself as the name of a clustering provider; use Orleans:Membership (localhost or postgres).");
        foreach (var unknown in SettingsCatalog.UnknownKeys(configuration))
        {
            var closest = SettingsCatalog.ClosestTo(unknown);
            failures.Add($"{unknown} is not a setting of this host{(closest is null ? "" : $"; did you mean {closest}?")}");
        }

        var host = Bind<SociaalDomeinOptions>(configuration, SociaalDomeinOptions.Section, failures);
        failures.AddRange(SettingsRules.Check(host));
        var roles = TryParseRoles(host.Roles);
        var connectionString = configuration.GetConnectionString(SociaalDomeinHost.PostgresConnectionStringName) ?? "";
        failures.AddRange(SettingsRules.CheckPostgres(connectionString));
        var migrationConnectionString = configuration.GetConnectionString(SociaalDomeinHost.PostgresMigrationsConnectionStringName) is { Length: > 0 } given
                                        && !string.IsNullOrWhiteSpace(given) ? given : null;
        failures.AddRange(SettingsRules.CheckPostgresMigrations(migrationConnectionString, connectionString));
        if ((roles & (HostRoles.Worker | HostRoles.Alerts)) != 0)
            failures.AddRange(SettingsRules.Check(Bind<KafkaOptions>(configuration, KafkaOptions.Section, failures)));
        var orleans = Bind<OrleansOptions>(configuration, OrleansOptions.Section, failures);
        if (roles.HasFlag(HostRoles.Silo)) failures.AddRange(SettingsRules.Check(orleans));
        failures.AddRange(SettingsRules.Check(Bind<PrivacyOptions>(configuration, PrivacyOptions.Section, failures)));
        failures.AddRange(SettingsRules.Check(Bind<MonitoringOptions>(configuration, MonitoringOptions.Section, failures)));
        var http = Bind<HttpOptions>(configuration, HttpOptions.Section, failures);
        failures.AddRange(SettingsRules.Check(http));
        var health = Bind<HealthOptions>(configuration, HealthOptions.Section, failures);
        failures.AddRange(SettingsRules.Check(health));
        var telemetry = Bind<TelemetryOptions>(configuration, TelemetryOptions.Section, failures);
        failures.AddRange(SettingsRules.Check(telemetry));
        if (roles.HasFlag(HostRoles.Alerts))
        {
            // Alert delivery's options carry their own rules; they are registered with ValidateOnStart by AddSociaalDomeinAlertDelivery.
            failures.AddRange(Bind<DeliveryOptions>(configuration, DeliveryOptions.Section, failures).Check());
            failures.AddRange(Bind<SmtpOptions>(configuration, SmtpOptions.Section, failures).Check());
        }

        if (roles.HasFlag(HostRoles.Api))
        {
            try
            {
                // The API reads its keys when it is wired; read them here too, so their problems are listed with the rest.
                SociaalDomein.Api.Security.ApiKeyRegistry.FromConfiguration(configuration.GetSection(SettingsCatalog.ApiKeys));
            }
            catch (InvalidOperationException e)
            {
                failures.Add($"{SettingsCatalog.ApiKeys}: {e.Message}");
            }
        }

        if (failures.Count > 0) throw new InvalidSettingsException(failures.Distinct().ToList());
        return new HostSettings(roles, connectionString, host, orleans, http, telemetry, health, migrationConnectionString);
    }

    /// <summary>
    /// Registers the host's own options classes bound to their sections, each guarded by its rules at start. Kafka and
    /// monitoring options are bound by the projects that own them; their rules are added here.
    /// </summary>
    public static void AddValidatedOptions(IServiceCollection services, IConfiguration configuration, HostRoles roles)
    {
        AddBound<SociaalDomeinOptions>(services, configuration, SociaalDomeinOptions.Section, SettingsRules.Check);
        AddBound<OrleansOptions>(services, configuration, OrleansOptions.Section, roles.HasFlag(HostRoles.Silo) ? SettingsRules.Check : _ => []);
        AddBound<PrivacyOptions>(services, configuration, PrivacyOptions.Section, SettingsRules.Check);
        AddBound<HttpOptions>(services, configuration, HttpOptions.Section, SettingsRules.Check);
        AddBound<HealthOptions>(services, configuration, HealthOptions.Section, SettingsRules.Check);
        AddBound<TelemetryOptions>(services, configuration, TelemetryOptions.Section, SettingsRules.Check);
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MonitoringOptions>>(new SettingsValidator<MonitoringOptions>(SettingsRules.Check));
        if ((roles & (HostRoles.Worker | HostRoles.Alerts)) != 0)
        {
            // Bound by AddSociaalDomeinIngestion (binding twice would append list items twice); only the rules are added.
            services.AddOptions<KafkaOptions>().ValidateOnStart();
            services.AddSingleton<IValidateOptions<KafkaOptions>>(new SettingsValidator<KafkaOptions>(SettingsRules.Check));
        }
    }

    private static void AddBound<TOptions>(IServiceCollection services, IConfiguration configuration, string section,
        Func<TOptions, IEnumerable<string>> rules) where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(rules));
    }

    private static HostRoles TryParseRoles(string? roles)
    {
        try
        {
            return HostRolesParser.Parse(roles);
        }
        catch (ArgumentException)
        {
            // Reported by SettingsRules.Check(SociaalDomeinOptions); check the rest as for all roles.
            return HostRoles.All;
        }
    }

    private static TOptions Bind<TOptions>(IConfiguration configuration, string section, List<string> failures) where TOptions : class, new()
    {
        try
        {
            return configuration.GetSection(section).Get<TOptions>() ?? new TOptions();
        }
        catch (InvalidOperationException e)
        {
            // CheckShapes has explained the value; this only catches what it does not know.
            var explained = failures.Any(f => f.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase));
            if (!explained) failures.Add(e.Message);
            return new TOptions();
        }
    }

    /// <summary>Values that cannot become their setting's type, and lists given as one value, named with what they should be.</summary>
    private static IEnumerable<(string Key, string Failure)> CheckShapes(IConfiguration configuration)
    {
        foreach (var setting in SettingsCatalog.All)
        {
            if (setting.Shape is SettingShape.Map or SettingShape.Tree) continue;
            var value = configuration[setting.Path];
            if (setting.Shape == SettingShape.List)
            {
                if (!string.IsNullOrEmpty(value))
                    yield return (setting.Path, $"{setting.Path} is a list: give one value per index, {setting.Path}:0, {setting.Path}:1, ... " +
                                 $"(as environment variables {setting.EnvironmentVariable}__0, {setting.EnvironmentVariable}__1, ...).");
                var itemType = setting.ValueType.GetGenericArguments()[0];
                foreach (var item in configuration.GetSection(setting.Path).GetChildren())
                {
                    if (item.Value is not null && Explain(item.Path, item.Value, itemType) is { } itemError) yield return (item.Path, itemError);
                }
                continue;
            }
            if (setting.Shape == SettingShape.Value && value is not null && Explain(setting.Path, value, setting.ValueType) is { } error)
                yield return (setting.Path, error);
        }
    }

    private static string? Explain(string path, string value, Type type)
    {
        if (type == typeof(int))
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : $"{path}: '{value}' is not a whole number.";
        if (type == typeof(bool))
            return bool.TryParse(value, out _) ? null : $"{path}: '{value}' is not true or false.";
        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed!)
                   && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? null
                : $"{path}: '{value}' is not one of {string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()))}.";
        }
        return null;
    }
}

/// <summary>The configuration is missing or has wrong values; <see cref="Failures"/> has one sentence per problem, naming the setting.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> failures)
    : Exception("The configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, failures.Select(f => "  - " + f)) +
                Environment.NewLine + "Settings come from the settings file and from environment variables (Section__Key, e.g. Kafka__BootstrapServers).")
{
    public IReadOnlyList<string> Failures { get; } = failures;
}
