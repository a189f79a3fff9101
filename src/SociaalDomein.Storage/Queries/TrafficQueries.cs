using Npgsql;

namespace SociaalDomein.Storage.Queries;

/// <summary>Message-traffic health from <c>message_log</c>: accepted and dead-lettered records over a period.</summary>
/// <remarks>Periods are half-open: <c>from</c> inclusive, <c>to</c> exclusive; null leaves that end open.</remarks>
public sealed class TrafficQueries(NpgsqlDataSource dataSource)
{
    private const string Period = "($1::timestamptz IS NULL OR logged_at >= $1) AND ($2::timestamptz IS NULL OR logged_at < $2)";

    public async Task<TrafficSummary> GetSummaryAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT count(DISTINCT message_id) FILTER (WHERE status = 'accepted'),
                   count(*) FILTER (WHERE status = 'accepted'),
                   count(*) FILTER (WHERE status = 'dead_lettered'),
                   coalesce(sum(line_count) FILTER (WHERE status = 'accepted'), 0)::bigint,
                   max(logged_at)
            FROM message_log
            WHERE {Period}
            """);
        AddPeriod(command.Parameters, from, to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TrafficSummary(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
    }

    /// <summary>Dead-lettered records per rule, most frequent first.</summary>
    public Task<Paged<DeadLetterRuleCount>> GetDeadLettersByRulePageAsync(DateTimeOffset? from, DateTimeOffset? to, int limit, long offset, CancellationToken cancellationToken = default) =>
        PagedQuery.ReadAsync(
            dataSource,
            "rule, n, example_reason, last_at",
            $"""
            FROM (
                SELECT coalesce(rule, '') AS rule, count(*) AS n, min(reason) AS example_reason, max(logged_at) AS last_at
                FROM message_log
                WHERE status = 'dead_lettered' AND {Period}
                GROUP BY coalesce(rule, '')
            ) AS per_rule
            """,
            "n DESC, rule",
            p => AddPeriod(p, from, to),
            reader => new DeadLetterRuleCount(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)),
            limit, offset, cancellationToken);

    /// <summary>Accepted traffic per provider, by AGB code.</summary>
    public Task<Paged<ProviderTraffic>> GetProvidersPageAsync(DateTimeOffset? from, DateTimeOffset? to, int limit, long offset, CancellationToken cancellationToken = default) =>
        PagedQuery.ReadAsync(
            dataSource,
            "provider_agb, messages, records, lines, last_at",
            $"""
            FROM (
                SELECT provider_agb, count(DISTINCT message_id) AS messages, count(*) AS records,
                       coalesce(sum(line_count), 0)::bigint AS lines, max(logged_at) AS last_at
                FROM message_log
                WHERE status = 'accepted' AND {Period}
                GROUP BY provider_agb
            ) AS per_provider
            """,
            "provider_agb",
            p => AddPeriod(p, from, to),
            reader => new ProviderTraffic(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetFieldValue<DateTimeOffset>(4)),
            limit, offset, cancellationToken);

    /// <summary>Line signals per provider and rule (table <c>line_signals</c>), opened in the period; by provider, then rule.</summary>
    public Task<Paged<ProviderSignals>> GetSignalsPerProviderPageAsync(DateTimeOffset? from, DateTimeOffset? to, int limit, long offset, CancellationToken cancellationToken = default) =>
        PagedQuery.ReadAsync(
            dataSource,
            "provider_agb, rule, open, resolved, last_opened_at",
            """
            FROM (
                SELECT provider_agb, rule, count(*) FILTER (WHERE resolved_at IS NULL) AS open,
                       count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved, max(opened_at) AS last_opened_at
                FROM line_signals
                WHERE ($1::timestamptz IS NULL OR opened_at >= $1) AND ($2::timestamptz IS NULL OR opened_at < $2)
                GROUP BY provider_agb, rule
            ) AS per_provider
            """,
            "provider_agb, rule",
            p => AddPeriod(p, from, to),
            reader => new ProviderSignals(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetFieldValue<DateTimeOffset>(4)),
            limit, offset, cancellationToken);

    /// <summary>Dead-lettered records, newest first.</summary>
    public Task<Paged<DeadLetter>> GetDeadLettersPageAsync(DateTimeOffset? from, DateTimeOffset? to, string? rule, int limit, long offset, CancellationToken cancellationToken = default) =>
        PagedQuery.ReadAsync(
            dataSource,
            "source_topic, source_partition, source_offset, reason, rule, element, logged_at",
            $"FROM message_log WHERE status = 'dead_lettered' AND {Period} AND ($3::text IS NULL OR rule = $3)",
            "logged_at DESC, source_topic, source_partition, source_offset",
            p =>
            {
                AddPeriod(p, from, to);
                p.AddText(rule);
            },
            reader => new DeadLetter(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)),
            limit, offset, cancellationToken);

    private static void AddPeriod(NpgsqlParameterCollection parameters, DateTimeOffset? from, DateTimeOffset? to)
    {
        parameters.AddTimestamp(from);
        parameters.AddTimestamp(to);
    }
}
