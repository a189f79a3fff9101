using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Messaging;

namespace SociaalDomein.Storage.Clustering;

/// <summary>Makes silos and clients find their cluster through the PostgreSQL membership table.</summary>
/// <remarks>
/// The cluster is the one named by Orleans <see cref="ClusterOptions.ClusterId"/>; silos and clients of one cluster
/// configure the same ClusterId and the same database. The schema comes from the migrations (0002_orleans_membership).
/// </remarks>
public static class PostgresClusteringExtensions
{
    /// <summary>Service key of the <see cref="NpgsqlDataSource"/> registered by the overloads taking a connection string.</summary>
    public const string DataSourceKey = "SociaalDomein.Storage.Clustering";

    /// <summary>
    /// Uses <see cref="PostgresMembershipTable"/> as the silo's membership table, on the <see cref="NpgsqlDataSource"/>
    /// registered by <c>AddSociaalDomeinStorage</c>.
    /// </summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IMembershipTable>(provider => new PostgresMembershipTable(
            ClusteringDataSource(provider),
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId,
            provider.GetService<ILogger<PostgresMembershipTable>>()));
        return builder;
    }

    /// <summary>Uses <see cref="PostgresMembershipTable"/> on a data source of its own for <paramref name="connectionString"/>.</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddClusteringDataSource(builder.Services, connectionString);
        return builder.UsePostgresClustering();
    }

    /// <summary>
    /// Makes the client find its gateways with <see cref="PostgresGatewayListProvider"/>, on the
    /// <see cref="NpgsqlDataSource"/> registered by <c>AddSociaalDomeinStorage</c>.
    /// </summary>
    public static IClientBuilder UsePostgresClustering(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IGatewayListProvider>(provider => new PostgresGatewayListProvider(
            ClusteringDataSource(provider),
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId,
            provider.GetRequiredService<IOptions<GatewayOptions>>().Value.GatewayListRefreshPeriod));
        return builder;
    }

    /// <summary>Uses <see cref="PostgresGatewayListProvider"/> on a data source of its own for <paramref name="connectionString"/>.</summary>
    public static IClientBuilder UsePostgresClustering(this IClientBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddClusteringDataSource(builder.Services, connectionString);
        return builder.UsePostgresClustering();
    }

    private static void AddClusteringDataSource(IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Keyed, so it neither replaces nor is replaced by the storage's own data source in the same process.
        services.AddKeyedSingleton(DataSourceKey, (provider, _) =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            if (provider.GetService<ILoggerFactory>() is { } loggerFactory)
                builder.UseLoggerFactory(loggerFactory);
            return builder.Build();
        });
    }

    private static NpgsqlDataSource ClusteringDataSource(IServiceProvider provider) =>
        provider.GetKeyedService<NpgsqlDataSource>(DataSourceKey)
        ?? provider.GetService<NpgsqlDataSource>()
        ?? throw new InvalidOperationException(
            "PostgreSQL clustering needs an NpgsqlDataSource: call AddSociaalDomeinStorage(connectionString) or pass a connection string to UsePostgresClustering.");
}
