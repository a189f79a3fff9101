using System.Collections.Concurrent;
using Npgsql;
using SociaalDomein.Storage.Embedded;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.Storage.Tests;

/// <summary>
/// One private PostgreSQL for the whole test assembly. Each test class gets a migrated database of its own, emptied
/// before every test: creating a database per test would cost a quarter of a second each.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private const string MigratedTemplate = "migrated_template";

    private readonly ConcurrentDictionary<string, NpgsqlDataSource> _classDatabases = new();
    private int _databases;

    public PrivatePostgres Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PrivatePostgres.StartAsync("storage_tests");
        // Migrate once; class databases are copies of this one.
        await using var template = NpgsqlDataSource.Create(await Server.CreateDatabaseAsync(MigratedTemplate));
        await new MigrationRunner(template).MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var dataSource in _classDatabases.Values)
            await dataSource.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>A new database, with the schema in place unless <paramref name="migrated"/> is false. The caller disposes it.</summary>
    public async Task<NpgsqlDataSource> CreateDatabaseAsync(bool migrated = true)
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}";
        return NpgsqlDataSource.Create(await Server.CreateDatabaseAsync(name, migrated ? MigratedTemplate : null));
    }

    /// <summary>Restarts the server, then drops the pooled connections the restart broke so other tests start clean.</summary>
    public async Task RestartServerAsync()
    {
        await Server.RestartAsync();
        foreach (var dataSource in _classDatabases.Values)
            dataSource.Clear();
    }

    /// <summary>The migrated database of one test class, emptied (sequences included) so each test starts from nothing.</summary>
    public async Task<NpgsqlDataSource> EmptyClassDatabaseAsync(Type testClass)
    {
        if (!_classDatabases.TryGetValue(testClass.Name, out var dataSource))
        {
            dataSource = await CreateDatabaseAsync();
            _classDatabases[testClass.Name] = dataSource;
        }

        await using var empty = dataSource.CreateCommand(
            "TRUNCATE declaration_lines, daily_costs, alerts, alert_events, ceilings, message_log, grain_state, care_reports, awaited_answers, declaration_messages, daily_insight, daily_clients, line_signals RESTART IDENTITY");
        await empty.ExecuteNonQueryAsync();
        return dataSource;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}

/// <summary>Base for tests that start from an empty, migrated database.</summary>
[Collection(PostgresCollection.Name)]
public abstract class DatabaseTest(PostgresFixture postgres) : IAsyncLifetime
{
    protected PostgresFixture Postgres { get; } = postgres;

    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync() => DataSource = await Postgres.EmptyClassDatabaseAsync(GetType());

    public Task DisposeAsync() => Task.CompletedTask;

    protected async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T?)await command.ExecuteScalarAsync();
    }
}
