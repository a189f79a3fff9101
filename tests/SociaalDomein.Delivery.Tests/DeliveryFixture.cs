using Npgsql;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Storage.Embedded;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.Delivery.Tests;

/// <summary>One private PostgreSQL (with a migrated template) and one embedded Kafka cluster for the whole test assembly.</summary>
public sealed class DeliveryFixture : IAsyncLifetime
{
    private const string MigratedTemplate = "migrated_template";
    private int _databases;

    public PrivatePostgres Postgres { get; private set; } = null!;
    public EmbeddedKafkaCluster Kafka { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = await PrivatePostgres.StartAsync("delivery_tests");
        await using (var template = NpgsqlDataSource.Create(await Postgres.CreateDatabaseAsync(MigratedTemplate)))
            await new MigrationRunner(template).MigrateAsync();
        Kafka = EmbeddedKafkaCluster.Start();
    }

    /// <summary>A migrated database of its own, so tests do not see each other's subscriptions or deliveries.</summary>
    public async Task<(NpgsqlDataSource DataSource, string ConnectionString)> CreateDatabaseAsync()
    {
        var connectionString = await Postgres.CreateDatabaseAsync($"test_{Interlocked.Increment(ref _databases)}", MigratedTemplate);
        return (NpgsqlDataSource.Create(connectionString), connectionString);
    }

    public async Task DisposeAsync()
    {
        Kafka?.Dispose();
        if (Postgres is not null) await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DeliveryCollection : ICollectionFixture<DeliveryFixture>
{
    public const string Name = "Delivery";
}
