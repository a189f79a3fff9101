using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.Storage.Tests;

public sealed class MigrationRunnerTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    [Fact]
    public async Task A_second_run_applies_nothing_and_fails_nothing()
    {
        await using var fresh = await Postgres.CreateDatabaseAsync(migrated: false);
        var runner = new MigrationRunner(fresh);

        var first = await runner.MigrateAsync();
        var second = await runner.MigrateAsync();

        Assert.Equal(["0001_initial_schema"], first);
        Assert.Empty(second);
        await using var count = fresh.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_processes_starting_together_apply_each_migration_once()
    {
        await using var fresh = await Postgres.CreateDatabaseAsync(migrated: false);

        var results = await Task.WhenAll(new MigrationRunner(fresh).MigrateAsync(), new MigrationRunner(fresh).MigrateAsync());

        Assert.Equal(["0001_initial_schema"], results.SelectMany(applied => applied));
    }

    [Fact]
    public async Task The_schema_has_every_table_the_storage_uses()
    {
        await using var command = DataSource.CreateCommand("""
            SELECT string_agg(table_name, ',' ORDER BY table_name)
            FROM information_schema.tables WHERE table_schema = 'public'
            """);

        Assert.Equal("alerts,ceilings,daily_costs,declaration_lines,grain_state,message_log,schema_migrations",
            await command.ExecuteScalarAsync());
    }
}
