using Npgsql;

namespace SociaalDomein.Storage.Queries;

/// <summary>
/// Proves that the daily tables equal the ledger of accepted lines for a period: every daily figure is summed again
/// from <c>declaration_lines</c> and compared, total by total (see <see cref="ReconcileChecks"/>).
/// </summary>
public sealed class ReconcileQueries(NpgsqlDataSource dataSource)
{
    private const string LineFilter = "($3::text[] IS NULL OR l.municipality_code = ANY($3)) AND ($4::text IS NULL OR l.provider_agb = $4)";
    private const string RowFilter = "($3::text[] IS NULL OR municipality_code = ANY($3)) AND ($4::text IS NULL OR provider_agb = $4)";
    private const string Key = "municipality_code, provider_agb, product_categorie, standard";
    private const string SignedVolume = "CASE WHEN l.amount_cents < 0 THEN -l.geleverd_volume ELSE l.geleverd_volume END";

    // Each check is a full join of the ledger's figures and the daily table's on the same key: a total missing on one
    // side shows as NULL there. It returns the totals that differ, then one row with a NULL subject and the number of
    // totals compared.
    private static string Compare(string ledger, string daily, string key, string subject, params string[] measures)
    {
        var sides = string.Join(", ", measures.Select(m => $"l.{m} AS l_{m}, d.{m} AS d_{m}"));
        var pairs = string.Join(", ", measures.Select(m => $"c.l_{m}, c.d_{m}"));
        var differs = string.Join(" OR ", measures.Select(m => $"c.l_{m} IS DISTINCT FROM c.d_{m}"));
        var padding = string.Concat(Enumerable.Repeat(", NULL::bigint", measures.Length * 2 - 1));
        return $"""
            WITH ledger AS ({ledger}),
            daily AS ({daily}),
            compared AS (SELECT {key}, {sides} FROM ledger AS l FULL JOIN daily AS d USING ({key}))
            SELECT {subject}, {pairs} FROM compared AS c WHERE {differs}
            UNION ALL
            SELECT NULL, (SELECT count(*) FROM compared){padding}
            """;
    }

    private static readonly string DailyInsightCheck = Compare(
        ledger: $"""
            SELECT m.received_day AS day, l.{Key.Replace(", ", ", l.", StringComparison.Ordinal)},
                   date_trunc('month', l.period_begin)::date AS service_month, l.eenheid,
                   sum(l.amount_cents)::bigint AS amount_cents, count(*)::bigint AS line_count, sum({SignedVolume})::bigint AS volume
            FROM declaration_messages AS m
            JOIN declaration_lines AS l USING (message_id)
            WHERE m.received_day BETWEEN $1 AND $2 AND {LineFilter}
            GROUP BY 1, 2, 3, 4, 5, 6, 7
            """,
        daily: $"""
            SELECT day, {Key}, service_month, eenheid, amount_cents::bigint AS amount_cents, line_count::bigint AS line_count, volume
            FROM daily_insight
            WHERE day BETWEEN $1 AND $2 AND {RowFilter}
            """,
        key: $"day, {Key}, service_month, eenheid",
        subject: "format('%s %s×%s cat %s %s month %s unit %s', c.day, c.municipality_code, c.provider_agb, c.product_categorie, c.standard, to_char(c.service_month, 'YYYY-MM'), c.eenheid)",
        "amount_cents", "line_count", "volume");

    private static readonly string DailyClientsCheck = Compare(
        ledger: $"""
            SELECT m.received_day AS day, l.{Key.Replace(", ", ", l.", StringComparison.Ordinal)}, count(DISTINCT l.client_pseudonym) AS client_count
            FROM declaration_messages AS m
            JOIN declaration_lines AS l USING (message_id)
            WHERE m.received_day BETWEEN $1 AND $2 AND {LineFilter}
            GROUP BY 1, 2, 3, 4, 5
            """,
        daily: $"""
            SELECT day, {Key}, count(*) AS client_count
            FROM daily_clients
            WHERE day BETWEEN $1 AND $2 AND {RowFilter}
            GROUP BY day, {Key}
            """,
        key: $"day, {Key}",
        subject: "format('%s %s×%s cat %s %s', c.day, c.municipality_code, c.provider_agb, c.product_categorie, c.standard)",
        "client_count");

    // The year to date as of the period's last day, and as of 31 December of every earlier year the period touches.
    private const string YearEnds = """
        SELECT make_date(y, 1, 1) AS first_day, least($2::date, make_date(y, 12, 31)) AS as_of
        FROM generate_series(extract(year FROM $1::date)::int, extract(year FROM $2::date)::int) AS y
        """;

    private static readonly string YearToDateCheck = Compare(
        ledger: $"""
            SELECT y.as_of, l.{Key.Replace(", ", ", l.", StringComparison.Ordinal)},
                   sum(l.amount_cents)::bigint AS amount_cents, count(*)::bigint AS line_count,
                   count(DISTINCT l.client_pseudonym) AS client_count
            FROM ({YearEnds}) AS y
            JOIN declaration_messages AS m ON m.received_day BETWEEN y.first_day AND y.as_of
            JOIN declaration_lines AS l USING (message_id)
            WHERE {LineFilter}
            GROUP BY 1, 2, 3, 4, 5
            """,
        daily: $"""
            SELECT t.as_of, {Key}, t.amount_cents, t.line_count, coalesce(c.client_count, 0) AS client_count
            FROM (
                SELECT y.as_of, {Key}, sum(amount_cents)::bigint AS amount_cents, sum(line_count)::bigint AS line_count
                FROM ({YearEnds}) AS y
                JOIN daily_insight AS d ON d.day BETWEEN y.first_day AND y.as_of
                WHERE {RowFilter}
                GROUP BY 1, 2, 3, 4, 5
            ) AS t
            FULL JOIN (
                SELECT y.as_of, {Key}, count(DISTINCT client_pseudonym) AS client_count
                FROM ({YearEnds}) AS y
                JOIN daily_clients AS d ON d.day BETWEEN y.first_day AND y.as_of
                WHERE {RowFilter}
                GROUP BY 1, 2, 3, 4, 5
            ) AS c USING (as_of, {Key})
            """,
        key: $"as_of, {Key}",
        subject: "format('year to %s %s×%s cat %s %s', c.as_of, c.municipality_code, c.provider_agb, c.product_categorie, c.standard)",
        "amount_cents", "line_count", "client_count");

    private static readonly string DailyCostsCheck = Compare(
        ledger: $"""
            SELECT l.dagtekening AS day, l.{Key.Replace(", ", ", l.", StringComparison.Ordinal)},
                   sum(l.amount_cents)::bigint AS amount_cents, count(*)::bigint AS line_count
            FROM declaration_lines AS l
            WHERE l.dagtekening BETWEEN $1 AND $2 AND {LineFilter}
            GROUP BY 1, 2, 3, 4, 5
            """,
        daily: $"""
            SELECT day, {Key}, amount_cents, line_count::bigint AS line_count
            FROM daily_costs
            WHERE day BETWEEN $1 AND $2 AND {RowFilter}
            """,
        key: $"day, {Key}",
        subject: "format('dagtekening %s %s×%s cat %s %s', c.day, c.municipality_code, c.provider_agb, c.product_categorie, c.standard)",
        "amount_cents", "line_count");

    // A line whose message has no receipt has no received day, so no daily_insight row could hold it.
    private const string ReceiptCheck = $"""
        SELECT format('message %s (%s×%s, dagtekening %s)', l.message_id, min(l.municipality_code), min(l.provider_agb), min(l.dagtekening)),
               count(*)::bigint, NULL::bigint
        FROM declaration_lines AS l
        WHERE NOT EXISTS (SELECT 1 FROM declaration_messages AS m WHERE m.message_id = l.message_id) AND {LineFilter}
        GROUP BY l.message_id
        UNION ALL
        SELECT NULL, (SELECT count(*) FROM declaration_messages WHERE received_day BETWEEN $1 AND $2 AND {RowFilter}), NULL
        """;

    private const string Scope = $"""
        SELECT count(*)::bigint, coalesce(sum(l.amount_cents), 0)::bigint
        FROM declaration_messages AS m
        JOIN declaration_lines AS l USING (message_id)
        WHERE m.received_day BETWEEN $1 AND $2 AND {LineFilter}
        """;

    /// <summary>Compares every daily figure of the period with the ledger and lists each figure that differs.</summary>
    public async Task<ReconcileReport> ReconcileAsync(ReconcileFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.To < filter.From)
            throw new ArgumentException($"The period ends ({filter.To:yyyy-MM-dd}) before it starts ({filter.From:yyyy-MM-dd}).", nameof(filter));

        // One snapshot for all checks: a line stored while they run must not show up in one check and not the other.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

        var differences = new List<ReconcileDifference>();
        long compared = 0;
        compared += await CheckAsync(connection, transaction, filter, ReconcileChecks.DailyInsight, DailyInsightCheck, differences, cancellationToken,
            "amount_cents", "line_count", "volume");
        compared += await CheckAsync(connection, transaction, filter, ReconcileChecks.DailyClients, DailyClientsCheck, differences, cancellationToken,
            "client_count");
        compared += await CheckAsync(connection, transaction, filter, ReconcileChecks.YearToDate, YearToDateCheck, differences, cancellationToken,
            "amount_cents", "line_count", "client_count");
        compared += await CheckAsync(connection, transaction, filter, ReconcileChecks.DailyCosts, DailyCostsCheck, differences, cancellationToken,
            "amount_cents", "line_count");
        compared += await CheckAsync(connection, transaction, filter, ReconcileChecks.Receipt, ReceiptCheck, differences, cancellationToken,
            "lines without receipt");

        await using var scope = new NpgsqlCommand(Scope, connection, transaction);
        AddFilter(scope.Parameters, filter);
        await using var reader = await scope.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var report = new ReconcileReport(filter, reader.GetInt64(0), reader.GetInt64(1), compared, differences);
        await reader.DisposeAsync();
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    private static async Task<long> CheckAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ReconcileFilter filter, string check,
        string sql, List<ReconcileDifference> differences, CancellationToken cancellationToken, params string[] measures)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        AddFilter(command.Parameters, filter);
        long compared = 0;
        var found = new List<ReconcileDifference>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(0))
            {
                compared = reader.GetInt64(1);
                continue;
            }
            var subject = reader.GetString(0);
            for (var i = 0; i < measures.Length; i++)
            {
                long? ledger = reader.IsDBNull(1 + 2 * i) ? null : reader.GetInt64(1 + 2 * i);
                long? daily = reader.IsDBNull(2 + 2 * i) ? null : reader.GetInt64(2 + 2 * i);
                if (ledger != daily)
                    found.Add(new ReconcileDifference(check, subject, measures[i], ledger, daily));
            }
        }
        differences.AddRange(found.OrderBy(d => d.Subject, StringComparer.Ordinal));
        return compared;
    }

    private static void AddFilter(NpgsqlParameterCollection parameters, ReconcileFilter filter)
    {
        parameters.AddDate(filter.From);
        parameters.AddDate(filter.To);
        parameters.AddTextArray(filter.Municipalities);
        parameters.AddText(filter.ProviderAgb);
    }
}
