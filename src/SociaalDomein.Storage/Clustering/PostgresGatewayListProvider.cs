using System.Net;
using Npgsql;
using Orleans.Messaging;
using Orleans.Runtime;

namespace SociaalDomein.Storage.Clustering;

/// <summary>
/// Tells an Orleans client where the gateways of its cluster are: the proxy endpoints of the silos that are Active in
/// the PostgreSQL membership table.
/// </summary>
public sealed class PostgresGatewayListProvider : IGatewayListProvider
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>
    /// A gateway list for the cluster <paramref name="clusterId"/>, which the client refreshes every
    /// <paramref name="maxStaleness"/> (Orleans <c>GatewayOptions.GatewayListRefreshPeriod</c>).
    /// </summary>
    public PostgresGatewayListProvider(NpgsqlDataSource dataSource, string clusterId, TimeSpan maxStaleness)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxStaleness, TimeSpan.Zero);
        _dataSource = dataSource;
        ClusterId = clusterId;
        MaxStaleness = maxStaleness;
    }

    /// <summary>The cluster whose gateways are listed.</summary>
    public string ClusterId { get; }

    public TimeSpan MaxStaleness { get; }

    public bool IsUpdatable => true;

    public Task InitializeGatewayListProvider() => InitializeGatewayListProviderAsync();

    /// <summary>Nothing to prepare: the silos create and maintain the table.</summary>
    public Task InitializeGatewayListProviderAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IList<Uri>> GetGateways() => GetGatewaysAsync();

    public async Task<IList<Uri>> GetGatewaysAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT address, proxy_port, generation FROM orleans_membership
            WHERE cluster_id = $1 AND status = 'Active' AND proxy_port > 0
            ORDER BY address, proxy_port, generation
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        var gateways = new List<Uri>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var endpoint = new IPEndPoint(reader.GetFieldValue<IPAddress>(0), reader.GetInt32(1));
                gateways.Add(SiloAddress.New(endpoint, reader.GetInt32(2)).ToGatewayUri());
            }
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw MembershipSchema.Missing(exception);
        }
        return gateways;
    }
}
