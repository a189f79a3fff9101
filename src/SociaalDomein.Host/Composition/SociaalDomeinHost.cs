using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Host.Configuration;
using SociaalDomein.Host.Health;
using SociaalDomein.Host.Http;
using SociaalDomein.Host.Monitoring;
using SociaalDomein.Host.Privacy;
using SociaalDomein.Host.Telemetry;
using SociaalDomein.Delivery;
using SociaalDomein.Ingestion;
using SociaalDomein.Messages.Privacy;
using SociaalDomein.Monitoring;
using SociaalDomein.Storage;
using SociaalDomein.Storage.Clustering;
using SociaalDomein.Storage.GrainState;
using Orleans.Configuration;

namespace SociaalDomein.Host.Composition;

/// <summary>
/// Wires one host process: storage, the silo, the ingestion worker, alert publishing, the HTTP listener (health, metrics,
/// API) and telemetry, per role.
/// </summary>
public static class SociaalDomeinHost
{
    public const string RolesSetting = "SociaalDomein:Roles";
    public const string PostgresConnectionStringName = "Postgres";

    /// <summary>
    /// Optional connection string for the schema migrations only (ConnectionStrings:PostgresMigrations), logging in as
    /// the schema's owner, so that the host itself can run as a least-privileged member of sd_app (0007_roles.sql).
    /// </summary>
    public const string PostgresMigrationsConnectionStringName = "PostgresMigrations";

    /// <summary>Creates a host builder with every service the configured roles need.</summary>
    /// <exception cref="InvalidSettingsException">A setting is missing or wrong; the message lists each one by name.</exception>
    public static WebApplicationBuilder CreateBuilder(IConfiguration configuration)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SociaalDomeinHost).Assembly.GetName().Name });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        Configure(builder);
        return builder;
    }

    /// <summary>Builds the host and maps its HTTP endpoints.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        var settings = app.Services.GetRequiredService<HostSettings>();
        app.MapSociaalDomeinEndpoints(settings.Roles, settings.Telemetry);
        return app;
    }

    public static void Configure(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var settings = HostSettings.Read(configuration);
        var roles = settings.Roles;

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        HostSettings.AddValidatedOptions(builder.Services, configuration, roles);
        // SIGTERM: the worker finishes its record and commits, the silo deactivates its grains, all within this time.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(settings.Host.ShutdownTimeoutSeconds));
        builder.Services.AddSociaalDomeinStorage(settings.PostgresConnectionString);
        if (settings.PostgresMigrationsConnectionString is { } migrations)
        {
            // Only the migrations log in as the owner; everything else keeps the app's data source. Registered after
            // AddSociaalDomeinStorage, so this runner is the one resolved; the keyed data source is disposed with the host.
            builder.Services.AddKeyedSingleton(PostgresMigrationsConnectionStringName, (provider, _) =>
            {
                var source = new Npgsql.NpgsqlDataSourceBuilder(migrations);
                if (provider.GetService<ILoggerFactory>() is { } loggerFactory) source.UseLoggerFactory(loggerFactory);
                return source.Build();
            });
            builder.Services.AddSingleton(provider => new SociaalDomein.Storage.Migrations.MigrationRunner(
                provider.GetRequiredKeyedService<Npgsql.NpgsqlDataSource>(PostgresMigrationsConnectionStringName),
                provider.GetService<ILogger<SociaalDomein.Storage.Migrations.MigrationRunner>>()));
        }
        // Registered first so that the schema exists before the silo (and its grain storage) starts.
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddBsnPseudonymisation();

        if (roles.HasFlag(HostRoles.Silo))
        {
            var orleans = settings.Orleans;
            builder.UseOrleans(silo =>
            {
                switch (orleans.Membership)
                {
                    case OrleansClustering.Localhost:
                        silo.UseLocalhostClustering(
                            siloPort: orleans.SiloPort == 0 ? FreeLoopbackPort() : orleans.SiloPort,
                            gatewayPort: orleans.GatewayPort == 0 ? FreeLoopbackPort() : orleans.GatewayPort,
                            serviceId: orleans.ServiceId,
                            clusterId: orleans.ClusterId);
                        break;
                    case OrleansClustering.Postgres:
                        // Several silos (processes or machines) find each other through the membership table in PostgreSQL.
                        silo.Configure<ClusterOptions>(o => { o.ClusterId = orleans.ClusterId; o.ServiceId = orleans.ServiceId; });
                        silo.ConfigureEndpoints(AdvertisedAddress(orleans),
                            orleans.SiloPort == 0 ? FreeLoopbackPort() : orleans.SiloPort,
                            orleans.GatewayPort == 0 ? FreeLoopbackPort() : orleans.GatewayPort,
                            listenOnAnyHostAddress: !IPAddress.IsLoopback(AdvertisedAddress(orleans)));
                        silo.UsePostgresClustering();
                        break;
                }
                // Idle grains are deactivated after the configured age (their state is in PostgreSQL): a silo's memory
                // follows the contracts that are active now, not every contract it ever saw.
                silo.Configure<GrainCollectionOptions>(o =>
                {
                    o.CollectionAge = orleans.GrainCollectionAge;
                    o.CollectionQuantum = orleans.GrainCollectionQuantum;
                });
                // Grain calls continue the caller's trace (the worker's consume span), so PostgreSQL writes join it too.
                silo.AddActivityPropagation();
                silo.Services.AddMonitoringGrainStateSerializer();
                silo.Services.AddMonitoringDay();
                silo.AddPostgresGrainStorage(StorageNames.Monitoring);
            });
            builder.Services.AddHostedService<DailyEvaluationService>();
        }
        else if (roles.HasFlag(HostRoles.Worker) || roles.HasFlag(HostRoles.Api))
        {
            // A worker or API process without a silo of its own calls the grains of the cluster's silos as a client.
            var orleans = settings.Orleans;
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o => { o.ClusterId = orleans.ClusterId; o.ServiceId = orleans.ServiceId; });
                if (orleans.Membership == OrleansClustering.Postgres) client.UsePostgresClustering();
                else client.UseLocalhostClustering(gatewayPort: orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
                client.AddActivityPropagation();
            });
        }
        if (roles.HasFlag(HostRoles.Silo) || roles.HasFlag(HostRoles.Worker) || roles.HasFlag(HostRoles.Api))
            builder.Services.AddSingleton<ContractEvaluator>();
        if (roles.HasFlag(HostRoles.Worker)) builder.Services.AddSociaalDomeinIngestion(configuration);
        if (roles.HasFlag(HostRoles.Alerts)) builder.Services.AddSociaalDomeinAlertPublishing(configuration);
        // After the publisher, which binds the Kafka options the delivery worker reads too.
        if (roles.HasFlag(HostRoles.Alerts)) builder.Services.AddSociaalDomeinAlertDelivery(configuration);

        builder.Services.AddSociaalDomeinHealthChecks(roles);
        AddHttp(builder, settings.Http, roles);
        builder.Services.AddSociaalDomeinTelemetry(settings.Telemetry);
    }

    private static void AddBsnPseudonymisation(this IServiceCollection services) =>
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PrivacyOptions>>().Value;
            return BsnPseudonymizer.FromBase64(options.ResolveKey(), options.BsnKeyId);
        });

    /// <summary>Kestrel on <see cref="HttpOptions.Urls"/>: health, metrics and (api role) the business API.</summary>
    private static void AddHttp(WebApplicationBuilder builder, HttpOptions http, HostRoles roles)
    {
        builder.WebHost.UseKestrelCore().UseUrls([.. http.EffectiveUrls]);
        builder.Services.AddSociaalDomeinHttp(builder.Configuration, roles);
    }

    private static IPAddress AdvertisedAddress(OrleansOptions orleans) =>
        string.IsNullOrWhiteSpace(orleans.AdvertisedIPAddress) ? IPAddress.Loopback : IPAddress.Parse(orleans.AdvertisedIPAddress);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
