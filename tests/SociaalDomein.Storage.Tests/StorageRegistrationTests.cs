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
        var used = new NpgsqlConnectionStringBuilder(services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
        var given = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal((given.Host, given.Port, given.Database, given.Username), (used.Host, used.Port, used.Database, used.Username));
        Assert.Equal((true, 64), (used.NoResetOnClose, used.MaxAutoPrepare));
    }

    /// <summary>
    /// Pooled connections keep their server session (no DISCARD ALL), so nothing may leave state in a session that the
    /// next user of the connection would inherit: no SET outside a transaction, no session-level advisory lock, no
    /// LISTEN, no prepared statement by SQL, no set_config(…, false).
    /// </summary>
    [Fact]
    public void No_code_leaves_state_in_a_server_session_that_the_next_user_of_a_pooled_connection_would_inherit()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SociaalDomein.Streaming.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var forbidden = new System.Text.RegularExpressions.Regex(
            @"pg_advisory_lock(_shared)?\(|pg_try_advisory_lock(_shared)?\(|""\s*(LISTEN|PREPARE|SET(?!\s+LOCAL\b))\s|set_config\([^)]*,\s*false\s*\)");
        var sources = Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();

        var found = sources.SelectMany(f => forbidden.Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(root.FullName, f)}: {m.Value.Trim()}")).ToList();

        Assert.True(sources.Count > 100, $"only {sources.Count} source files found under {root.FullName}/src");
        Assert.Empty(found);
    }
}
