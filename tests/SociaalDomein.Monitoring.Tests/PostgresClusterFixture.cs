using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;
using SociaalDomein.Monitoring;
using SociaalDomein.Storage;
using SociaalDomein.Storage.Embedded;
using SociaalDomein.Storage.GrainState;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.Monitoring.Tests;

/// <summary>A private PostgreSQL for the whole test assembly, with one fresh database per test.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private int _databases;

    public PrivatePostgres Postgres { get; private set; } = null!;

    public async Task InitializeAsync() => Postgres = await PrivatePostgres.StartAsync("monitoring_tests");

    public async Task<string> NewMigratedDatabaseAsync()
    {
        var connectionString = await Postgres.CreateDatabaseAsync($"grains_{Interlocked.Increment(ref _databases)}");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new MigrationRunner(dataSource).MigrateAsync();
        return connectionString;
    }

    public async Task DisposeAsync() => await Postgres.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}

/// <summary>Starts an Orleans test cluster whose grains use the real PostgreSQL storage, ledger and alert store.</summary>
public static class TestClusters
{
    public static Task<TestCluster> StartAsync(string connectionString, params int[] thresholds) => StartAsync(connectionString, null, thresholds);

    /// <param name="asOf">The day the rules count as today (Monitoring:AsOfDate); null: the real today.</param>
    public static async Task<TestCluster> StartAsync(string connectionString, DateOnly? asOf, params int[] thresholds)
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties["ConnectionString"] = connectionString;
        builder.Properties["AsOf"] = asOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        builder.Properties["Thresholds"] = string.Join(",", thresholds);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = siloBuilder.Configuration;
            siloBuilder.Services.AddSociaalDomeinStorage(configuration["ConnectionString"]!);
            siloBuilder.Services.AddSingleton(TimeProvider.System);
            siloBuilder.Services.Configure<Budget.MonitoringOptions>(o =>
            {
                o.ThresholdPercents = (configuration["Thresholds"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
                if (configuration["AsOf"] is { Length: > 0 } asOf) o.AsOfDate = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
            });
            siloBuilder.Services.AddMonitoringGrainStateSerializer();
            siloBuilder.Services.AddMonitoringDay();
            siloBuilder.AddPostgresGrainStorage(StorageNames.Monitoring);
        }
    }
}
