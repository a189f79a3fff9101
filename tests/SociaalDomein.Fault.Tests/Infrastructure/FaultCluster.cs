using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Npgsql;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Ingestion.Publishing;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Storage.Ceilings;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.Fault.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL and embedded broker for one disturbed run, the settings that let separate processes form one
/// Orleans cluster through PostgreSQL, and probes on the database that tell how far the stream got. Every child process
/// started through it is killed on dispose.
/// </summary>
internal sealed class FaultCluster : IAsyncDisposable
{
    private readonly List<ServeProcess> _processes = [];

    private FaultCluster(EmbeddedInfrastructure infrastructure, NpgsqlDataSource database)
    {
        Infrastructure = infrastructure;
        Database = database;
    }

    public EmbeddedInfrastructure Infrastructure { get; }

    public NpgsqlDataSource Database { get; }

    /// <summary>
    /// Settings shared by every process: PostgreSQL membership (several processes, one cluster) and a short Kafka session
    /// timeout, so that the partitions of a killed worker move to its successor within seconds.
    /// </summary>
    public Dictionary<string, string?> Settings { get; private set; } = [];

    public static async Task<FaultCluster> StartAsync(string name)
    {
        var infrastructure = await EmbeddedInfrastructure.StartAsync(name);
        var database = NpgsqlDataSource.Create(infrastructure.Postgres.ConnectionString);
        var cluster = new FaultCluster(infrastructure, database);
        cluster.Settings = new Dictionary<string, string?>(infrastructure.Settings)
        {
            ["Orleans:Membership"] = "postgres",
            ["Kafka:SessionTimeoutMs"] = "3000",
        };
        await new MigrationRunner(database).MigrateAsync();
        return cluster;
    }

    public Dictionary<string, string?> As(string roles) => new(Settings) { ["SociaalDomein:Roles"] = roles };

    /// <summary>Errors only: the retries a fault causes are expected here, and their warnings would drown the test output.</summary>
    public static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Error);

    /// <summary>Ceilings stored before any host runs: contract grains read them when they activate.</summary>
    public async Task StoreCeilingsAsync(IEnumerable<BudgetCeiling> ceilings)
    {
        var store = new PostgresCeilingStore(Database);
        foreach (var ceiling in ceilings) await store.UpsertAsync(ceiling);
    }

    /// <summary>Publishes straight to the broker (not through a proxy a test may be cutting).</summary>
    public async Task<IReadOnlyList<TopicPartitionOffset>> PublishAsync(IEnumerable<string> files)
    {
        using var publisher = new MessagePublisher(new KafkaOptions { BootstrapServers = Infrastructure.Kafka.BootstrapServers });
        return await publisher.PublishFilesAsync(Topics.Ijw, files);
    }

    public ServeProcess Start(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var process = ServeProcess.Start(name, settings);
        _processes.Add(process);
        return process;
    }

    /// <summary>Records consumed and made durable (accepted or dead-lettered), each source position once.</summary>
    public Task<long> LoggedAsync() => ScalarAsync("SELECT count(*) FROM message_log");

    public Task<long> ScalarAsync(string sql) => ScalarAsync<long>(sql);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = Database.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Waits until every one of <paramref name="records"/> published records is in the message log and the alert outbox is
    /// empty; fails early, with its output, when one of <paramref name="running"/> died.
    /// </summary>
    public async Task WaitUntilDoneAsync(long records, TimeSpan timeout, params ServeProcess[] running)
    {
        await WaitUntilAsync(async () => await LoggedAsync() >= records
                                         && await ScalarAsync("SELECT count(*) FROM alert_events WHERE published_at IS NULL") == 0,
            timeout, $"all {records} records processed and every alert published", running);
    }

    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, params ServeProcess[] running)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (await condition()) return;
            }
            catch (NpgsqlException)
            {
                // The database may be the thing a test has taken away for a moment.
            }
            foreach (var process in running) process.ThrowIfExited();
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not {what} within {timeout.TotalSeconds:0} s ({await SafeLoggedAsync()} records logged).\n" +
                                           string.Join("\n", running.Select(p => $"--- {p.Name}:\n{Tail(p.Output)}")));
            await Task.Delay(100);
        }
    }

    private async Task<string> SafeLoggedAsync()
    {
        try
        {
            return (await LoggedAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (NpgsqlException)
        {
            return "?";
        }
    }

    private static string Tail(string output) => string.Join("\n", output.Split('\n').TakeLast(40));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes) process.Dispose();
        await Database.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}
