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

        Assert.Equal(MigrationRunner.All.Select(m => m.Name), first);
        Assert.Empty(second);
        await using var count = fresh.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)MigrationRunner.All.Count, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_processes_starting_together_apply_each_migration_once()
    {
        await using var fresh = await Postgres.CreateDatabaseAsync(migrated: false);

        var results = await Task.WhenAll(new MigrationRunner(fresh).MigrateAsync(), new MigrationRunner(fresh).MigrateAsync());

        Assert.Equal(MigrationRunner.All.Select(m => m.Name), results.SelectMany(applied => applied).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_schema_has_every_table_the_storage_uses()
    {
        await using var command = DataSource.CreateCommand("""
            SELECT string_agg(table_name, ',' ORDER BY table_name)
            FROM information_schema.tables WHERE table_schema = 'public'
            """);

        var tables = ((string)(await command.ExecuteScalarAsync())!).Split(',').ToHashSet();
        Assert.Superset(new HashSet<string> { "alerts", "allocation_versions", "ceilings", "daily_costs", "declaration_lines", "grain_state", "line_signals",
            "message_log", "orleans_membership", "orleans_membership_version", "schema_migrations" }, tables);
    }
}
