using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SociaalDomein.Monitoring.Alerts;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Monitoring.Signals;
using SociaalDomein.Monitoring.Traffic;
using SociaalDomein.Storage.Alerts;
using SociaalDomein.Storage.Ceilings;
using SociaalDomein.Storage.Ledger;
using SociaalDomein.Storage.MessageLog;
using SociaalDomein.Storage.Migrations;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Storage;

/// <summary>Wires the PostgreSQL storage into a host.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="NpgsqlDataSource"/> for <paramref name="connectionString"/> and, on it, the ledger,
    /// ceiling store, alert store, message log, <see cref="CostQueries"/> and <see cref="MigrationRunner"/>.
    /// The host runs <see cref="MigrationRunner.MigrateAsync"/> before it starts anything that uses the database.
    /// Grain storage is added separately on the silo: <see cref="GrainState.PostgresGrainStorageExtensions"/>.
    /// </summary>
    public static IServiceCollection AddSociaalDomeinStorage(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        services.AddSingleton(provider =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            UseSessionsAcrossPooledConnections(builder.ConnectionStringBuilder);
            // Parameter values stay out of logs (EnableParameterLogging is never switched on): they include pseudonyms.
            if (provider.GetService<ILoggerFactory>() is { } loggerFactory)
                builder.UseLoggerFactory(loggerFactory);
            return builder.Build();
        });
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<IDeclarationLedger, PostgresDeclarationLedger>();
        services.AddSingleton<ICeilingStore, PostgresCeilingStore>();
        services.AddSingleton<IRegionalCeilingStore, PostgresRegionalCeilingStore>();
        services.AddSingleton<IAlertStore, PostgresAlertStore>();
        services.AddSingleton<IMessageLog, PostgresMessageLog>();
        services.AddSingleton<IAllocationStore, Allocations.PostgresAllocationStore>();
        services.AddSingleton<ISignalStore, Signals.PostgresSignalStore>();
        services.AddSingleton<IAwaitedAnswerStore, Traffic.PostgresAwaitedAnswerStore>();
        services.AddSingleton<IContractDirectory, Traffic.PostgresContractDirectory>();
        services.AddSingleton<CostQueries>();
        return services;
    }

    /// <summary>
    /// A pooled connection keeps its server session: no <c>DISCARD ALL</c> when it goes back to the pool, so the
    /// ledger's staging table is made once per session and the hot statements are prepared once (auto-prepare) instead
    /// of parsed and planned on every call. Safe because the application keeps no other session state: no SET outside a
    /// transaction, no session advisory locks, no LISTEN (a test holds the code to that). Settings the connection string
    /// gives explicitly for auto-prepare are kept.
    /// </summary>
    public static void UseSessionsAcrossPooledConnections(NpgsqlConnectionStringBuilder settings)
    {
        settings.NoResetOnClose = true;
        if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = 64;
    }
}
