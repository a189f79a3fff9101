using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SociaalDomein.Delivery.Subscriptions;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Storage.Ceilings;
using SociaalDomein.Storage.Embedded;
using SociaalDomein.Storage.MessageLog;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.Api.Tests;

/// <summary>
/// Once per test run: a private PostgreSQL, a migrated database holding <see cref="SeedData"/> (applied through the
/// contract grains, so ledger, daily costs and alerts are what the pipeline would have written), and the API with a silo.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public PrivatePostgres Postgres { get; private set; } = null!;
    public WebApplication App { get; private set; } = null!;
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public CapturingLoggerProvider Logs { get; } = new();
    public string ConnectionString { get; private set; } = "";

    /// <summary>Owned by the contract manager key rob-nijmegen (<see cref="TestKeys.ContractManager"/>).</summary>
    public const string SeededSubscription = "rob-nijmegen-jeugd";
    public const string SeededSubscriptionSecret = "seeded-webhook-secret-5d1c9a7e3b";

    public async Task InitializeAsync()
    {
        Postgres = await PrivatePostgres.StartAsync("api_tests");
        ConnectionString = await Postgres.CreateDatabaseAsync("api");
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await new MigrationRunner(DataSource).MigrateAsync();

        var ceilings = new PostgresCeilingStore(DataSource);
        foreach (var (contract, category, cents) in SeedData.Ceilings)
            await ceilings.UpsertAsync(new BudgetCeiling(contract, SeedData.Year, category, cents));
        var regionalCeilings = new PostgresRegionalCeilingStore(DataSource);
        foreach (var ceiling in SeedData.RegionalCeilings)
            await regionalCeilings.UpsertAsync(ceiling);

        // A contract manager's subscription, so every subscription endpoint has something to show (see AuthorizationMatrixTests).
        await new SubscriptionStore(DataSource).CreateAsync(new Subscription(SeededSubscription, "Nijmegen jeugd, warnings", "rob-nijmegen",
            ["0268"], [], [], "warning", "https://rob-nijmegen.example.nl/hooks/alerts", SeededSubscriptionSecret, "inkoop@nijmegen.example.nl", true),
            "admin-1", DateTimeOffset.UtcNow);

        App = await ApiHost.StartAsync(ConnectionString, withSilo: true, Logs);

        var grains = App.Services.GetRequiredService<IGrainFactory>();
        var log = new PostgresMessageLog(DataSource);
        foreach (var (contract, lines) in SeedData.Declarations)
        {
            await grains.GetGrain<IContractGrain>(contract.ToString()).ApplyDeclarationLinesAsync(lines);
            var first = lines[0];
            await log.RecordAcceptedAsync(new SourcePosition(first.SourceTopic, first.SourcePartition, first.SourceOffset), first.MessageId, "ijw", 323,
                contract.MunicipalityCode, contract.ProviderAgb, lines.Count);
        }
        // The first message was sent twice: a second record, the same message.
        var resent = SeedData.Declarations[0];
        await log.RecordAcceptedAsync(new SourcePosition("istd.ijw", 0, 500), resent.Message[0].MessageId, "ijw", 323,
            resent.Contract.MunicipalityCode, resent.Contract.ProviderAgb, resent.Message.Count);
        foreach (var (offset, reason, rule, element) in SeedData.DeadLetters)
            await log.RecordDeadLetteredAsync(new SourcePosition("istd.ijw", 0, offset), reason, rule, element);

        // The grains found no allocation for any seeded line (none was sent), so each has an open signal; one of them
        // is marked resolved here as if its allocation had arrived later.
        await using var resolve = DataSource.CreateCommand(
            "UPDATE line_signals SET resolved_at = now() WHERE provider_agb = '22222222' AND referentie_nummer = 'B-1'");
        await resolve.ExecuteNonQueryAsync();
    }

    public HttpClient Client(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = App.BaseAddress() };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        if (DataSource is not null) await DataSource.DisposeAsync();
        if (Postgres is not null) await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "API";
}
