using Npgsql;
using SociaalDomein.Storage.Embedded;
using SociaalDomein.Storage.Migrations;
using static SociaalDomein.Fault.Tests.Infrastructure.RoleSql;

namespace SociaalDomein.Fault.Tests;

/// <summary>
/// Least privilege in PostgreSQL (0007_roles.sql): the schema belongs to the role that runs the migrations; the hosts log
/// in as a member of sd_app (rows only), the data team as a member of sd_datateam (reporting views only).
/// </summary>
[Trait("Category", "Security")]
public sealed class DatabaseRoleTests : IAsyncLifetime
{
    private const string InsufficientPrivilege = "42501";
    private PrivatePostgres _postgres = null!;
    private string _owner = null!;
    private string _app = null!;
    private string _analyst = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PrivatePostgres.StartAsync("roles");
        // A realistic owner: not a superuser (a superuser passes every privilege check), owns the database, may create roles.
        await ExecuteAsync(_postgres.ConnectionString,
            "CREATE ROLE sd_owner LOGIN CREATEROLE",
            $"ALTER DATABASE \"{_postgres.DatabaseName}\" OWNER TO sd_owner");
        _owner = Login(_postgres.ConnectionString, "sd_owner");
        await using (var owner = NpgsqlDataSource.Create(_owner)) await new MigrationRunner(owner).MigrateAsync();
        await ExecuteAsync(_owner,
            "CREATE ROLE host_login LOGIN IN ROLE sd_app",
            "CREATE ROLE analyst LOGIN IN ROLE sd_datateam");
        _app = Login(_postgres.ConnectionString, "host_login");
        _analyst = Login(_postgres.ConnectionString, "analyst");
    }

    [Fact]
    public async Task The_app_role_reads_and_writes_rows_but_gets_permission_denied_on_DROP_ALTER_TRUNCATE_and_CREATE()
    {
        await ExecuteAsync(_app, "INSERT INTO ceilings (municipality_code, provider_agb, year, ceiling_cents) VALUES ('0268', '12345678', 2026, 100)");
        Assert.Equal(100L, await ScalarAsync(_app, "SELECT sum(ceiling_cents) FROM ceilings"));
        await ExecuteAsync(_app, "UPDATE ceilings SET ceiling_cents = 200", "DELETE FROM ceilings");

        foreach (var statement in new[]
                 {
                     "DROP TABLE declaration_lines",
                     "DROP TABLE schema_migrations",
                     "ALTER TABLE declaration_lines ADD COLUMN extra int",
                     "TRUNCATE alerts",
                     "CREATE TABLE intruder (id int)",
                     "DROP VIEW reporting.daily_totals",
                     "INSERT INTO schema_migrations (name, checksum) VALUES ('9999_fake', 'x')",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(_app, statement));
            Assert.True(refused.SqlState == InsufficientPrivilege, $"{statement}: {refused.SqlState} {refused.MessageText}");
        }
    }

    [Fact]
    public async Task A_host_logged_in_as_the_app_role_finds_the_schema_up_to_date_without_creating_anything()
    {
        await using var app = NpgsqlDataSource.Create(_app);
        Assert.Empty(await new MigrationRunner(app).MigrateAsync());
    }

    [Fact]
    public async Task The_data_team_role_reads_the_reporting_views_and_is_denied_every_base_table()
    {
        Assert.Equal(0L, await ScalarAsync(_analyst, "SELECT count(*) FROM reporting.daily_totals"));
        Assert.Equal(0L, await ScalarAsync(_analyst, "SELECT count(*) FROM reporting.declaration_lines"));

        var tables = new List<string>();
        await using (var owner = new NpgsqlConnection(_owner))
        {
            await owner.OpenAsync();
            await using var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", owner);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        Assert.Contains("declaration_lines", tables);
        Assert.Contains("grain_state", tables);
        foreach (var table in tables)
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(_analyst, $"SELECT count(*) FROM \"{table}\""));
            Assert.True(refused.SqlState == InsufficientPrivilege, $"{table}: {refused.SqlState} {refused.MessageText}");
        }
    }

    [Fact]
    public async Task Tables_and_views_a_later_migration_adds_are_granted_to_the_roles_without_a_grant_of_their_own()
    {
        // As a migration 0008 would: the owner creates a table and a reporting view, and grants nothing.
        await ExecuteAsync(_owner,
            "CREATE TABLE later_table (id bigserial PRIMARY KEY, amount_cents bigint NOT NULL)",
            "CREATE VIEW reporting.later_view AS SELECT amount_cents FROM later_table");

        await ExecuteAsync(_app, "INSERT INTO later_table (amount_cents) VALUES (1250)");
        Assert.Equal(1250L, await ScalarAsync(_analyst, "SELECT sum(amount_cents) FROM reporting.later_view"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(_analyst, "SELECT count(*) FROM later_table"));
        Assert.Equal(InsufficientPrivilege, refused.SqlState);
        refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(_app, "DROP TABLE later_table"));
        Assert.Equal(InsufficientPrivilege, refused.SqlState);
    }

    public async Task DisposeAsync() => await _postgres.DisposeAsync();
}
