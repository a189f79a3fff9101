using System.Runtime.CompilerServices;
using Npgsql;

namespace SociaalDomein.Storage.Queries;

/// <summary>
/// Reads the daily cost insight (<c>daily_insight</c>, <c>daily_clients</c>): per received day × contract × category ×
/// standard the amount, lines and distinct clients, the year to date, and the breakdown by service month and unit.
/// </summary>
public sealed class DailyInsightQueries(NpgsqlDataSource dataSource)
{
    private const string Key = "municipality_code, provider_agb, product_categorie, standard";

    // The year to date of the first day asked for needs the days before it in its year: the scope starts on 1 January.
    // The criteria are "$n IS NULL OR …" as in DailyCostQueries: not prepared, so planned with the actual values.
    private const string Scope = """
        ($1::date IS NULL OR day >= date_trunc('year', $1::date)::date) AND ($2::date IS NULL OR day <= $2)
        AND ($3::text[] IS NULL OR municipality_code = ANY($3)) AND ($4::text IS NULL OR provider_agb = $4)
        AND ($5::text IS NULL OR product_categorie = $5) AND ($6::text IS NULL OR standard = $6)
        """;

    // Distinct clients year to date = clients whose first day in the year is on or before the day: a running sum of
    // the clients new that day, which is exact and needs one pass instead of a distinct count per day.
    private const string FromWhere = $"""
        FROM (
            SELECT p.day, {Key}, p.amount_cents, p.line_count, coalesce(c.client_count, 0)::bigint AS client_count,
                   (sum(p.amount_cents) OVER ytd)::bigint AS ytd_amount_cents,
                   (sum(p.line_count) OVER ytd)::bigint AS ytd_line_count,
                   (sum(coalesce(n.new_client_count, 0)) OVER ytd)::bigint AS ytd_client_count
            FROM (
                SELECT day, {Key}, sum(amount_cents)::bigint AS amount_cents, sum(line_count)::bigint AS line_count
                FROM daily_insight WHERE {Scope}
                GROUP BY day, {Key}
            ) AS p
            LEFT JOIN (
                SELECT day, {Key}, count(*) AS client_count
                FROM daily_clients WHERE {Scope}
                GROUP BY day, {Key}
            ) AS c USING (day, {Key})
            LEFT JOIN (
                SELECT day, {Key}, count(*) AS new_client_count
                FROM (
                    SELECT min(day) AS day, {Key}
                    FROM daily_clients WHERE {Scope}
                    GROUP BY {Key}, extract(year FROM day), client_pseudonym
                ) AS first_days
                GROUP BY day, {Key}
            ) AS n USING (day, {Key})
            WINDOW ytd AS (PARTITION BY {Key}, extract(year FROM p.day) ORDER BY p.day)
        ) AS insight
        WHERE ($1::date IS NULL OR day >= $1)
        """;

    private const string Columns = $"day, {Key}, amount_cents, line_count, client_count, ytd_amount_cents, ytd_line_count, ytd_client_count";

    // The breakdowns of the rows of one page or stream, as parallel arrays in key order.
    private const string Breakdowns = $"""
        SELECT day, {Key}, 'm' AS kind, service_month::text AS part, sum(amount_cents)::bigint, sum(line_count)::bigint
        FROM daily_insight WHERE {Scope} AND ($1::date IS NULL OR day >= $1)
        GROUP BY day, {Key}, service_month
        UNION ALL
        SELECT day, {Key}, 'u', eenheid, sum(volume)::bigint, 0
        FROM daily_insight WHERE {Scope} AND ($1::date IS NULL OR day >= $1)
        GROUP BY day, {Key}, eenheid
        """;

    private const string Order = $"day, {Key}";

    /// <summary>One page of daily insight rows, by day, municipality, provider, category and standard.</summary>
    public async Task<Paged<DailyInsight>> GetPageAsync(DailyCostFilter filter, int limit, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);

        // The count needs no year to date: one row per (day, key) of daily_insight in the period. Counting through
        // FromWhere would compute the year-to-date windows a second time.
        await using var batch = dataSource.CreateBatch();
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM (SELECT DISTINCT day, {Key} FROM daily_insight WHERE {Scope} AND ($1::date IS NULL OR day >= $1)) AS rows");
        AddFilter(count.Parameters, filter);
        var select = new NpgsqlBatchCommand($"SELECT {Columns} {FromWhere} ORDER BY {Order} LIMIT {limit} OFFSET {offset}");
        AddFilter(select.Parameters, filter);
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(select);
        Paged<DailyInsight> page;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            var total = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken);
            var items = new List<DailyInsight>(Math.Min(limit, 1024));
            while (await reader.ReadAsync(cancellationToken))
                items.Add(ReadTotals(reader));
            page = new Paged<DailyInsight>(items, total);
        }
        if (page.Items.Count == 0)
            return new Paged<DailyInsight>([], page.Total);

        // The breakdowns of exactly the page's days: the page's first and last day bound them.
        var pageFilter = filter with { From = page.Items[0].Day, To = page.Items[^1].Day };
        var breakdowns = await ReadBreakdownsAsync(pageFilter, cancellationToken);
        return new Paged<DailyInsight>(page.Items.Select(row => WithBreakdowns(row, breakdowns)).ToList(), page.Total);
    }

    /// <summary>Every row the filter selects, in order (a region's year is some hundred thousand rows).</summary>
    public async IAsyncEnumerable<DailyInsight> StreamAsync(DailyCostFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var breakdowns = await ReadBreakdownsAsync(filter, cancellationToken);
        await using var command = dataSource.CreateCommand($"SELECT {Columns} {FromWhere} ORDER BY {Order}");
        AddFilter(command.Parameters, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return WithBreakdowns(ReadTotals(reader), breakdowns);
    }

    private async Task<Dictionary<RowKey, (List<ServiceMonthAmount> Months, List<UnitVolume> Units)>> ReadBreakdownsAsync(
        DailyCostFilter filter, CancellationToken cancellationToken)
    {
        var breakdowns = new Dictionary<RowKey, (List<ServiceMonthAmount>, List<UnitVolume>)>();
        await using var command = dataSource.CreateCommand($"{Breakdowns} ORDER BY 1, 2, 3, 4, 5, 6, 7");
        AddFilter(command.Parameters, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new RowKey(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            if (!breakdowns.TryGetValue(key, out var parts))
                breakdowns[key] = parts = ([], []);
            if (reader.GetString(5) == "m")
                parts.Item1.Add(new ServiceMonthAmount(DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd"), reader.GetInt64(7), reader.GetInt64(8)));
            else
                parts.Item2.Add(new UnitVolume(reader.GetString(6), reader.GetInt64(7)));
        }
        return breakdowns;
    }

    private static DailyInsight WithBreakdowns(DailyInsight row, Dictionary<RowKey, (List<ServiceMonthAmount> Months, List<UnitVolume> Units)> breakdowns) =>
        breakdowns.TryGetValue(new RowKey(row.Day, row.MunicipalityCode, row.ProviderAgb, row.ProductCategorie, row.Standard), out var parts)
            ? row with { ServiceMonths = parts.Months, Volumes = parts.Units }
            : row;

    private static void AddFilter(NpgsqlParameterCollection parameters, DailyCostFilter filter)
    {
        parameters.AddDate(filter.From);
        parameters.AddDate(filter.To);
        parameters.AddTextArray(filter.Municipalities);
        parameters.AddText(filter.ProviderAgb);
        parameters.AddText(filter.ProductCategorie);
        parameters.AddText(filter.Standard);
    }

    private static DailyInsight ReadTotals(NpgsqlDataReader reader) => new(
        Day: reader.GetFieldValue<DateOnly>(0),
        MunicipalityCode: reader.GetString(1),
        ProviderAgb: reader.GetString(2),
        ProductCategorie: reader.GetString(3),
        Standard: reader.GetString(4),
        AmountCents: reader.GetInt64(5),
        LineCount: reader.GetInt64(6),
        ClientCount: reader.GetInt64(7),
        YtdAmountCents: reader.GetInt64(8),
        YtdLineCount: reader.GetInt64(9),
        YtdClientCount: reader.GetInt64(10),
        ServiceMonths: [],
        Volumes: []);

    private readonly record struct RowKey(DateOnly Day, string MunicipalityCode, string ProviderAgb, string ProductCategorie, string Standard);
}
