using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SociaalDomein.Host.Privacy;
using SociaalDomein.Host.Telemetry;
using SociaalDomein.Ingestion;
using SociaalDomein.Messages.Privacy;
using SociaalDomein.Monitoring;
using SociaalDomein.Monitoring.Budget;
using SociaalDomein.Storage;
using SociaalDomein.Storage.GrainState;

namespace SociaalDomein.Host.Composition;

/// <summary>Wires one host process: storage, the silo, the ingestion worker, alert publishing and telemetry, per role.</summary>
public static class SociaalDomeinHost
{
    public const string RolesSetting = "SociaalDomein:Roles";
    public const string PostgresConnectionStringName = "Postgres";

    /// <summary>Creates a host builder with every service the configured roles need.</summary>
    public static HostApplicationBuilder CreateBuilder(IConfiguration configuration)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        Configure(builder);
        return builder;
    }

    public static void Configure(HostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var roles = HostRolesParser.Parse(configuration[RolesSetting]);
        var connectionString = configuration.GetConnectionString(PostgresConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"ConnectionStrings:{PostgresConnectionStringName} is required (e.g. Host=127.0.0.1;Port=5432;Username=sd;Database=sociaaldomein).");

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSociaalDomeinStorage(connectionString);
        // Registered first so that the schema exists before the silo (and its grain storage) starts.
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddBsnPseudonymisation(configuration);
        builder.Services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.Section))
            .Validate(o => o.ThresholdPercents.All(p => p is > 0 and <= 1000), "Monitoring:ThresholdPercents must lie between 1 and 1000.")
            .ValidateOnStart();

        if (roles.HasFlag(HostRoles.Silo))
        {
            var orleans = configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions();
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(
                    siloPort: orleans.SiloPort == 0 ? FreeLoopbackPort() : orleans.SiloPort,
                    gatewayPort: orleans.GatewayPort == 0 ? FreeLoopbackPort() : orleans.GatewayPort,
                    serviceId: orleans.ServiceId,
                    clusterId: orleans.ClusterId);
                silo.Services.AddMonitoringGrainStateSerializer();
                silo.AddPostgresGrainStorage(StorageNames.Monitoring);
            });
        }
        if (roles.HasFlag(HostRoles.Worker)) builder.Services.AddSociaalDomeinIngestion(configuration);
        if (roles.HasFlag(HostRoles.Alerts)) builder.Services.AddSociaalDomeinAlertPublishing(configuration);

        AddTelemetry(builder);
    }

    private static void AddBsnPseudonymisation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.BsnKey), "Privacy:BsnKey is required: a base64 key of at least 32 bytes (e.g. `openssl rand -base64 32`).")
            .Validate(o => IsKeyUsable(o.BsnKey), "Privacy:BsnKey must be base64 and decode to at least 32 bytes.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PrivacyOptions>>().Value;
            return BsnPseudonymizer.FromBase64(options.BsnKey, options.BsnKeyId);
        });
    }

    private static bool IsKeyUsable(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var length) && length >= 32;
    }

    private static void AddTelemetry(HostApplicationBuilder builder)
    {
        var telemetry = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(telemetry.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(IngestionTelemetry.Name).AddNpgsql();
                if (telemetry.OtlpEndpoint.Length > 0) tracing.AddOtlpExporter(o => o.Endpoint = new Uri(telemetry.OtlpEndpoint));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(IngestionTelemetry.Name);
                if (telemetry.OtlpEndpoint.Length > 0) metrics.AddOtlpExporter(o => o.Endpoint = new Uri(telemetry.OtlpEndpoint));
            });
        _ = otel;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
