using Npgsql;

namespace SociaalDomein.LoadTests.Measurement;

/// <summary>One statement's share of PostgreSQL's execution time in the measured phase (pg_stat_statements).</summary>
public sealed record StatementCost(string Query, long Calls, double TotalMs, double MeanMs, long Rows, double SharePercent);

/// <summary>
/// Where PostgreSQL spends its time: pg_stat_statements, reset when the measured phase starts and read when it ends.
/// Empty (with a reason) when the server was started without the extension's library.
/// </summary>
public static class StatementProfile
{
    public static async Task<string?> ResetAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        try
        {
            await using var create = dataSource.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            await create.ExecuteNonQueryAsync(cancellationToken);
            await using var reset = dataSource.CreateCommand("SELECT pg_stat_statements_reset()");
            await reset.ExecuteNonQueryAsync(cancellationToken);
            return null;
        }
        catch (PostgresException e)
        {
            return $"no statement profile: {e.MessageText}";
        }
    }

    /// <summary>The <paramref name="top"/> statements by total execution time, each with its share of the whole.</summary>
    public static async Task<IReadOnlyList<StatementCost>> ReadAsync(NpgsqlDataSource dataSource, int top, CancellationToken cancellationToken)
    {
        // Grouped by text: a statement on a session's temporary table has a query id per session (the table's oid differs).
        const string sql = """
            SELECT query, sum(calls)::bigint, sum(total_exec_time), sum(total_exec_time) / nullif(sum(calls), 0), sum(rows)::bigint,
                   100 * sum(total_exec_time) / nullif(sum(sum(total_exec_time)) OVER (), 0)
            FROM (SELECT regexp_replace(query, '\s+', ' ', 'g') AS query, calls, total_exec_time, rows
                  FROM pg_stat_statements
                  WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())) AS s
            GROUP BY query
            ORDER BY sum(total_exec_time) DESC
            LIMIT $1
            """;
        var costs = new List<StatementCost>();
        try
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = top });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var query = reader.GetString(0);
                costs.Add(new StatementCost(query.Length > 160 ? query[..160] + "…" : query, reader.GetInt64(1),
                    Math.Round(reader.GetDouble(2), 1), Math.Round(reader.GetDouble(3), 3), reader.GetInt64(4),
                    reader.IsDBNull(5) ? 0 : Math.Round(reader.GetDouble(5), 1)));
            }
        }
        catch (PostgresException)
        {
            // The extension is missing: the run's notes say so (see ResetAsync).
        }
        return costs;
    }
}
