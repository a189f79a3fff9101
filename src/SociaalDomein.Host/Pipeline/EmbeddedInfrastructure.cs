using System.Security.Cryptography;
using SociaalDomein.Host.Composition;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Storage.Embedded;

namespace SociaalDomein.Host.Pipeline;

/// <summary>
/// The embedded default: a private PostgreSQL and the librdkafka mock cluster on loopback, started for one run and
/// removed after it. Everything else talks to them through ordinary settings.
/// </summary>
public sealed class EmbeddedInfrastructure : IAsyncDisposable
{
    private EmbeddedInfrastructure(PrivatePostgres postgres, EmbeddedKafkaCluster kafka)
    {
        Postgres = postgres;
        Kafka = kafka;
    }

    public PrivatePostgres Postgres { get; }

    public EmbeddedKafkaCluster Kafka { get; }

    public static async Task<EmbeddedInfrastructure> StartAsync(string name, CancellationToken cancellationToken = default)
    {
        var postgres = await PrivatePostgres.StartAsync(name, cancellationToken: cancellationToken);
        try
        {
            return new EmbeddedInfrastructure(postgres, EmbeddedKafkaCluster.Start());
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Settings that point a host at this infrastructure: all roles, free silo and HTTP ports, and a BSN key made for this
    /// run only (pseudonyms of an embedded run are not meant to be linked to any other run).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"ConnectionStrings:{SociaalDomeinHost.PostgresConnectionStringName}"] = Postgres.ConnectionString,
        ["Kafka:BootstrapServers"] = Kafka.BootstrapServers,
        [SociaalDomeinHost.RolesSetting] = "all",
        ["Orleans:SiloPort"] = "0",
        ["Orleans:GatewayPort"] = "0",
        ["Http:Urls"] = "http://127.0.0.1:0",
        ["Privacy:BsnKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Privacy:BsnKeyId"] = "embedded",
    };

    public async ValueTask DisposeAsync()
    {
        Kafka.Dispose();
        await Postgres.DisposeAsync();
    }
}
