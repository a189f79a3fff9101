using Npgsql;
using SociaalDomein.Monitoring.Signals;

namespace SociaalDomein.Storage.Queries;

/// <summary>
/// Explains any total (a contract-year, a day, a municipality, or a combination: <see cref="ExplainFilter"/>): the
/// ledger lines it is the sum of, each credit with the debit it cancels, the signals about them, the messages they
/// came in, and what was not counted (refused duplicate lines, dead-lettered records), so a provider and the region
/// can settle a dispute over a figure line by line.
/// </summary>
public sealed class ExplainQueries(NpgsqlDataSource dataSource)
{
    // Lines with the day they count on. Parameters: $1 from, $2 to, $3 municipalities, $4 provider, $5 year,
    // $6 category, $7 standard.
    private const string Selected = """
        SELECT l.*, m.received_day, m.received_at
        FROM declaration_lines AS l
        JOIN declaration_messages AS m USING (message_id)
        WHERE ($1::date IS NULL OR m.received_day >= $1) AND ($2::date IS NULL OR m.received_day <= $2)
          AND ($3::text[] IS NULL OR l.municipality_code = ANY($3)) AND ($4::text IS NULL OR l.provider_agb = $4)
          AND ($5::int IS NULL OR l.year = $5) AND ($6::text IS NULL OR l.product_categorie = $6)
          AND ($7::text IS NULL OR l.standard = $7)
        """;

    private const string HasSignal = """
        EXISTS (SELECT 1 FROM line_signals AS s
                WHERE s.provider_agb = x.provider_agb AND s.standard = x.standard
                  AND s.referentie_nummer = x.referentie_nummer AND s.message_id = x.message_id)
        """;

    /// <summary>The total the filter selects, split into debits and credits.</summary>
    public async Task<ExplainTotal> GetTotalAsync(ExplainFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand($"""
            SELECT count(*), coalesce(sum(amount_cents), 0)::bigint,
                   coalesce(sum(amount_cents) FILTER (WHERE amount_cents >= 0), 0)::bigint,
                   coalesce(sum(amount_cents) FILTER (WHERE amount_cents < 0), 0)::bigint,
                   count(DISTINCT message_id),
                   count(*) FILTER (WHERE {HasSignal})
            FROM ({Selected}) AS x
            """);
        AddFilter(command.Parameters, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ExplainTotal(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    /// <summary>One page of the lines a total is the sum of, in ledger order, each with its debit/credit partner and signals.</summary>
    public Task<Paged<ExplainedLine>> GetLinesPageAsync(ExplainFilter filter, int limit, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PagedQuery.ReadAsync(
            dataSource,
            $"""
            {QualifiedLedgerLineColumns}, x.received_day,
            debit.seq, debit.referentie_nummer, debit.message_id, debit.amount_cents, debit_receipt.received_day,
            credit.seq, credit.referentie_nummer, credit.message_id, credit.amount_cents, credit_receipt.received_day,
            (SELECT array_agg(s.rule ORDER BY s.rule) FROM line_signals AS s WHERE {SignalOf}),
            (SELECT array_agg(s.explanation ORDER BY s.rule) FROM line_signals AS s WHERE {SignalOf}),
            (SELECT array_agg(s.resolved_at IS NULL ORDER BY s.rule) FROM line_signals AS s WHERE {SignalOf})
            """,
            $"""
            FROM ({Selected}) AS x
            LEFT JOIN declaration_lines AS debit
              ON x.vorig_referentie_nummer IS NOT NULL AND x.amount_cents < 0 AND debit.provider_agb = x.provider_agb
             AND debit.standard = x.standard AND debit.referentie_nummer = x.vorig_referentie_nummer
            LEFT JOIN declaration_messages AS debit_receipt ON debit_receipt.message_id = debit.message_id
            LEFT JOIN LATERAL (
                SELECT c.seq, c.referentie_nummer, c.message_id, c.amount_cents
                FROM declaration_lines AS c
                WHERE x.amount_cents >= 0 AND c.provider_agb = x.provider_agb AND c.standard = x.standard
                  AND c.vorig_referentie_nummer = x.referentie_nummer AND c.amount_cents < 0
                ORDER BY c.seq LIMIT 1
            ) AS credit ON true
            LEFT JOIN declaration_messages AS credit_receipt ON credit_receipt.message_id = credit.message_id
            """,
            "x.seq",
            p => AddFilter(p, filter),
            ReadLine,
            limit, offset, cancellationToken);
    }

    private static readonly string QualifiedLedgerLineColumns =
        string.Join(", ", ContractQueries.LedgerLineColumns.Split(',').Select(column => "x." + column.Trim()));

    private const string SignalOf = """
        s.provider_agb = x.provider_agb AND s.standard = x.standard AND s.referentie_nummer = x.referentie_nummer
        AND s.message_id = x.message_id
        """;

    /// <summary>The declaration messages behind a total, with their share of it, by receipt and message id.</summary>
    public async Task<IReadOnlyList<ExplainedMessage>> GetMessagesAsync(ExplainFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand($"""
            SELECT message_id, min(declaratie_nummer), min(dagtekening), min(received_at), min(received_day), count(*),
                   sum(amount_cents)::bigint, min(source_topic), min(source_partition), min(source_offset)
            FROM ({Selected}) AS x
            GROUP BY message_id
            ORDER BY min(received_at), message_id
            """);
        AddFilter(command.Parameters, filter);
        var messages = new List<ExplainedMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new ExplainedMessage(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateOnly>(4), reader.GetInt64(5), reader.GetInt64(6),
                reader.GetString(7), reader.GetInt32(8), reader.GetInt64(9)));
        }
        return messages;
    }

    /// <summary>
    /// What did not count towards the total: lines refused because their ReferentieNummer was already declared (in the
    /// selection by the refused message's receipt day and the contract; by the stored line's budget year), and — only
    /// for a selection by day without municipality or provider, because an unreadable record names neither —
    /// records dead-lettered on those Dutch days.
    /// </summary>
    public async Task<IReadOnlyList<NotCounted>> GetNotCountedAsync(ExplainFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var withDeadLetters = filter.Municipalities is null && filter.ProviderAgb is null && filter.Year is null
                              && filter.ProductCategorie is null && filter.Standard is null && (filter.From is not null || filter.To is not null);
        await using var command = dataSource.CreateCommand($"""
            SELECT '{NotCountedKinds.DuplicateReferentie}', s.message_id, s.referentie_nummer, s.municipality_code, s.provider_agb, s.rule,
                   s.explanation, s.opened_at, NULL::text, NULL::int, NULL::bigint
            FROM line_signals AS s
            JOIN declaration_messages AS m ON m.message_id = s.message_id
            LEFT JOIN declaration_lines AS kept
              ON kept.provider_agb = s.provider_agb AND kept.standard = s.standard AND kept.referentie_nummer = s.referentie_nummer
            WHERE s.rule = '{SignalRules.DuplicateReferentie}'
              AND ($1::date IS NULL OR m.received_day >= $1) AND ($2::date IS NULL OR m.received_day <= $2)
              AND ($3::text[] IS NULL OR s.municipality_code = ANY($3)) AND ($4::text IS NULL OR s.provider_agb = $4)
              AND ($5::int IS NULL OR kept.year = $5) AND ($6::text IS NULL OR kept.product_categorie = $6)
              AND ($7::text IS NULL OR s.standard = $7)
            UNION ALL
            SELECT '{NotCountedKinds.DeadLettered}', NULL, NULL, NULL, NULL, coalesce(rule, ''), reason, logged_at,
                   source_topic, source_partition, source_offset
            FROM message_log
            WHERE $8 AND status = 'dead_lettered'
              AND ($1::date IS NULL OR (logged_at AT TIME ZONE 'Europe/Amsterdam')::date >= $1)
              AND ($2::date IS NULL OR (logged_at AT TIME ZONE 'Europe/Amsterdam')::date <= $2)
            ORDER BY 8, 1, 2, 3
            """);
        AddFilter(command.Parameters, filter);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean, Value = withDeadLetters });
        var items = new List<NotCounted>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new NotCounted(reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2), NullableString(reader, 3),
                NullableString(reader, 4), reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                NullableString(reader, 8), reader.IsDBNull(9) ? null : reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetInt64(10)));
        }
        return items;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static ExplainedLine ReadLine(NpgsqlDataReader reader)
    {
        var line = ContractQueries.ReadLedgerLine(reader);
        const int next = 24;
        var rules = reader.IsDBNull(next + 11) ? [] : reader.GetFieldValue<string[]>(next + 11);
        var explanations = reader.IsDBNull(next + 12) ? [] : reader.GetFieldValue<string[]>(next + 12);
        var open = reader.IsDBNull(next + 13) ? [] : reader.GetFieldValue<bool[]>(next + 13);
        return new ExplainedLine(
            line,
            reader.GetFieldValue<DateOnly>(next),
            Linked(reader, next + 1),
            Linked(reader, next + 6),
            rules.Select((rule, i) => new LineFinding(rule, explanations[i], open[i])).ToList());
    }

    private static LinkedLine? Linked(NpgsqlDataReader reader, int first) => reader.IsDBNull(first)
        ? null
        : new LinkedLine(reader.GetInt64(first), reader.GetString(first + 1), reader.GetString(first + 2), reader.GetInt64(first + 3),
            reader.IsDBNull(first + 4) ? null : reader.GetFieldValue<DateOnly>(first + 4));

    private static void AddFilter(NpgsqlParameterCollection parameters, ExplainFilter filter)
    {
        parameters.AddDate(filter.From);
        parameters.AddDate(filter.To);
        parameters.AddTextArray(filter.Municipalities);
        parameters.AddText(filter.ProviderAgb);
        parameters.AddInteger(filter.Year);
        parameters.AddText(filter.ProductCategorie);
        parameters.AddText(filter.Standard);
    }
}
