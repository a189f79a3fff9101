using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.Host.Health;

/// <summary>PostgreSQL answers and has every schema migration this build knows.</summary>
public sealed class PostgresMigratedHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT name FROM schema_migrations");
            command.CommandTimeout = 5;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetString(0));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return HealthCheckResult.Unhealthy("the schema is not migrated yet (no schema_migrations table)");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Npgsql's messages name host and port, never the password.
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {e.Message}");
        }
        var missing = MigrationRunner.All.Select(m => m.Name).Where(name => !applied.Contains(name)).ToList();
        return missing.Count == 0
            ? HealthCheckResult.Healthy($"schema at {MigrationRunner.All[^1].Name}")
            : HealthCheckResult.Unhealthy($"migrations not applied yet: {string.Join(", ", missing)}");
    }
}
