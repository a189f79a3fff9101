using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SociaalDomein.Monitoring.Alerts;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Storage.Migrations;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class StorageRegistrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_hosts_registration_migrates_an_empty_database_and_serves_every_port_from_it()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("registration_check");
        await using var services = new ServiceCollection().AddSociaalDomeinStorage(connectionString).BuildServiceProvider();

        var applied = await services.GetRequiredService<MigrationRunner>().MigrateAsync();

        Assert.Equal(MigrationRunner.All.Select(m => m.Name), applied);
        Assert.Empty(await services.GetRequiredService<IDeclarationLedger>().ReadSinceAsync(Lines.Utrecht, 0));
        Assert.Empty(await services.GetRequiredService<ICeilingStore>().GetAllAsync());
        Assert.Empty(await services.GetRequiredService<IAlertStore>().GetAllAsync());
        Assert.Equal(new MessageCounts(0, 0), await services.GetRequiredService<IMessageLog>().CountAsync());
        Assert.Empty(await services.GetRequiredService<CostQueries>().GetDailyCostsAsync());
        Assert.Equal(connectionString, services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
    }
}
