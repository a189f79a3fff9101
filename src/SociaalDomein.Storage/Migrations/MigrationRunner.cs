using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace SociaalDomein.Storage.Migrations;

/// <summary>
/// Brings the database schema up to date by applying the embedded <c>Migrations/NNNN_*.sql</c> files in order, each once.
/// </summary>
/// <remarks>
/// Everything runs in one transaction that first takes a transaction-scoped advisory lock, so processes starting
/// together apply the migrations one after the other and the later ones find nothing left to do. A migration file that
/// was changed after it was applied is refused (checksum), because the database would no longer match the source.
/// </remarks>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner>? logger = null)
{
    /// <summary>Advisory lock key reserved for schema migrations ("SDSTMIGR" in ASCII).</summary>
    private const long LockKey = 0x5344_5354_4D49_4752;

    private const string ResourcePrefix = "SociaalDomein.Storage.Migrations.";

    private readonly ILogger _logger = logger ?? NullLogger<MigrationRunner>.Instance;

    /// <summary>The embedded migrations in the order they apply.</summary>
    public static IReadOnlyList<Migration> All { get; } = LoadEmbedded();

    /// <summary>Applies the migrations not yet recorded in <c>schema_migrations</c>; returns the names it applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        // Only created when missing: a host running as the least-privileged app role (0007_roles.sql) may not create or
        // comment on tables, but may find an up-to-date schema and carry on.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection, transaction))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                await ExecuteAsync(connection, transaction, """
                    CREATE TABLE schema_migrations (
                        name       text PRIMARY KEY,
                        checksum   text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    );
                    COMMENT ON TABLE schema_migrations IS 'Schema migrations applied to this database, by file name (see MigrationRunner).';
                    """, cancellationToken);
            }
        }

        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT name, checksum FROM schema_migrations", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                applied[reader.GetString(0)] = reader.GetString(1);
        }

        var newlyApplied = new List<string>();
        foreach (var migration in All)
        {
            if (applied.TryGetValue(migration.Name, out var checksum))
            {
                if (checksum != migration.Checksum)
                    throw new InvalidOperationException(
                        $"Migration {migration.Name} was changed after it was applied to this database. Add a new migration instead of editing an applied one.");
                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken);
            newlyApplied.Add(migration.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        if (newlyApplied.Count > 0)
            _logger.LogInformation("Applied schema migrations {Migrations}", string.Join(", ", newlyApplied));
        return newlyApplied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .OrderBy(migration => migration.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static Migration Load(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        // Line endings differ between checkouts; they must not make an applied migration look edited.
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
        return new Migration(resourceName[ResourcePrefix.Length..^".sql".Length], sql, checksum);
    }
}

/// <summary>One schema migration: its file name without extension (e.g. "0001_initial_schema"), SQL and SHA-256.</summary>
public sealed record Migration(string Name, string Sql, string Checksum);
