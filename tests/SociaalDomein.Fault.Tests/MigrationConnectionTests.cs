using Microsoft.Extensions.Logging;
using Npgsql;
using SociaalDomein.Fault.Tests.Infrastructure;
using SociaalDomein.Host.Configuration;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Ingestion.Publishing;
using static SociaalDomein.Fault.Tests.Infrastructure.RoleSql;

namespace SociaalDomein.Fault.Tests;

/// <summary>
/// ConnectionStrings:PostgresMigrations: the migrations log in as the schema's owner, the host runs as a member of sd_app
/// (0007_roles.sql), which may not create or alter anything. One host, a fresh database, both at once.
/// </summary>
[Trait("Category", "Security")]
public sealed class MigrationConnectionTests
{
    private const string InsufficientPrivilege = "42501";

    [Fact]
    public async Task A_host_running_as_the_app_role_migrates_a_fresh_database_through_the_owners_connection_and_processes_a_declaration()
    {
        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("migration_owner");
        var database = infrastructure.Postgres.DatabaseName;
        // The owner is no superuser; sd_app exists before 0007 runs (0007 creates it only when missing), so the host's
        // login role can be made a member of it up front, as an operator would.
        await ExecuteAsync(infrastructure.Postgres.ConnectionString,
            "CREATE ROLE sd_owner LOGIN CREATEROLE",
            $"ALTER DATABASE \"{database}\" OWNER TO sd_owner",
            "CREATE ROLE sd_app NOLOGIN",
            "CREATE ROLE host_login LOGIN IN ROLE sd_app");
        var owner = Login(infrastructure.Postgres.ConnectionString, "sd_owner");
        var app = Login(infrastructure.Postgres.ConnectionString, "host_login");

        // Without the owner's connection the app role cannot even create the migration record.
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var _ = await PipelineSession.StartAsync(Settings(infrastructure, app, migrations: null), Quiet);
        });
        var denied = Assert.IsType<PostgresException>(refused is PostgresException ? refused : refused.InnerException ?? refused);
        Assert.Equal(InsufficientPrivilege, denied.SqlState);

        await using (var session = await PipelineSession.StartAsync(Settings(infrastructure, app, owner), Quiet))
        {
            using var publisher = new MessagePublisher(session.Kafka);
            var published = await publisher.PublishAsync(Topics.Ijw, Declarations.Jw323("M1", 12), "m1.xml");
            await session.WaitUntilProcessedAsync([published], TimeSpan.FromMinutes(2));
            var report = await session.BuildReportAsync();
            Assert.Equal((1L, 0L), (report.Messages.Accepted, report.Messages.DeadLettered));
            Assert.Equal((Declarations.AmountCents(12), true), (Assert.Single(report.Totals).DeclaredCents, Assert.Single(report.Totals).Reconciled));
        }

        // Every table belongs to the owner, every migration is recorded, and the rows were written by the app's login.
        Assert.Equal(0L, await ScalarAsync(owner, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'sd_owner'"));
        Assert.True(await ScalarAsync(owner, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") > 5);
        Assert.Equal((long)SociaalDomein.Storage.Migrations.MigrationRunner.All.Count, await ScalarAsync(app, "SELECT count(*) FROM schema_migrations"));
        var dropped = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, "DROP TABLE declaration_lines"));
        Assert.Equal(InsufficientPrivilege, dropped.SqlState);
    }

    [Fact]
    public void A_migration_connection_to_another_database_is_refused_at_start_naming_both_settings()
    {
        var failures = SettingsRules.CheckPostgresMigrations(
            "Host=db;Port=5432;Database=other;Username=owner", "Host=db;Port=5432;Database=sociaaldomein;Username=host_login").ToList();
        var failure = Assert.Single(failures);
        Assert.StartsWith("ConnectionStrings:PostgresMigrations points at db:5432/other but ConnectionStrings:Postgres at db:5432/sociaaldomein", failure,
            StringComparison.Ordinal);

        failures = SettingsRules.CheckPostgresMigrations("Host=db;Username=owner;Password=s3cret", "Host=db;Database=sociaaldomein;Username=host_login").ToList();
        Assert.Equal(["ConnectionStrings:PostgresMigrations names no Database (e.g. Database=sociaaldomein)."], failures);
        Assert.Empty(SettingsRules.CheckPostgresMigrations(null, "Host=db;Database=sociaaldomein;Username=host_login"));
        Assert.Empty(SettingsRules.CheckPostgresMigrations(" ", "Host=db;Database=sociaaldomein;Username=host_login"));
        Assert.Empty(SettingsRules.CheckPostgresMigrations("Host=db;Database=sociaaldomein;Username=owner", "Host=db;Database=sociaaldomein;Username=host_login"));
    }

    private static Dictionary<string, string?> Settings(EmbeddedInfrastructure infrastructure, string app, string? migrations)
    {
        var settings = new Dictionary<string, string?>(infrastructure.Settings)
        {
            [SettingsCatalog.PostgresConnectionString] = app,
        };
        if (migrations is not null) settings[SettingsCatalog.PostgresMigrationsConnectionString] = migrations;
        return settings;
    }

    private static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error);
}
