using Npgsql;
using SociaalDomein.Storage.Embedded;

namespace SociaalDomein.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PrivatePostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_restarted_server_keeps_its_data_and_its_port()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("restart_check");
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var create = dataSource.CreateCommand("CREATE TABLE kept (amount_cents bigint); INSERT INTO kept VALUES (12500)"))
            await create.ExecuteNonQueryAsync();
        var port = postgres.Server.Port;

        await postgres.RestartServerAsync();

        Assert.Equal(port, postgres.Server.Port);
        await using var afterRestart = NpgsqlDataSource.Create(connectionString);
        await using var read = afterRestart.CreateCommand("SELECT amount_cents FROM kept");
        Assert.Equal(12_500L, await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Missing_server_binaries_are_reported_with_their_path_and_how_to_install_them()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => PrivatePostgres.StartAsync("missing", binDirectory: "/nonexistent/postgresql/bin"));

        Assert.Contains("/nonexistent/postgresql/bin/initdb", error.Message);
        Assert.Contains("apt-get install postgresql-15", error.Message);
    }
}
