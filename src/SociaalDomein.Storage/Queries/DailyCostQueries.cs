using System.Runtime.CompilerServices;
using Npgsql;

namespace SociaalDomein.Storage.Queries;

/// <summary>Filtered reads of <c>daily_costs</c> for the API and for exports: pages, per-day totals and a full stream.</summary>
public sealed class DailyCostQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = "day, municipality_code, provider_agb, product_categorie, standard, amount_cents, line_count";
    private const string Order = "day, municipality_code, provider_agb, product_categorie, standard";

    // Each criterion is "$n IS NULL OR …": the statements are not prepared, so every execution is planned with the
    // actual values and the unused criteria fold away, leaving the day range free to use the primary key.
    private const string FromWhere = """
        FROM daily_costs
        WHERE ($1::date IS NULL OR day >= $1) AND ($2::date IS NULL OR day <= $2)
          AND ($3::text[] IS NULL OR municipality_code = ANY($3)) AND ($4::text IS NULL OR provider_agb = $4)
          AND ($5::text IS NULL OR product_categorie = $5) AND ($6::text IS NULL OR standard = $6)
        """;

    /// <summary>One page of daily cost rows, ordered by day, municipality, provider, category and standard.</summary>
    public Task<Paged<DailyCost>> GetPageAsync(DailyCostFilter filter, int limit, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PagedQuery.ReadAsync(dataSource, Columns, FromWhere, Order, p => AddFilter(p, filter), Read, limit, offset, cancellationToken);
    }

    /// <summary>One page of per-day totals over the filtered rows, by day.</summary>
    public Task<Paged<DailyTotal>> GetTotalsPerDayPageAsync(DailyCostFilter filter, int limit, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PagedQuery.ReadAsync(
            dataSource,
            "day, sum(amount_cents)::bigint, sum(line_count)::bigint",
            $"FROM (SELECT day, amount_cents, line_count {FromWhere}) AS filtered GROUP BY day",
            "day",
            p => AddFilter(p, filter),
            reader => new DailyTotal(reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), reader.GetInt64(2)),
            limit, offset, cancellationToken);
    }

    /// <summary>Every filtered row in order, read as it streams from the server (for CSV/Parquet exports of any size).</summary>
    public async IAsyncEnumerable<DailyCost> StreamAsync(DailyCostFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand($"SELECT {Columns} {FromWhere} ORDER BY {Order}");
        AddFilter(command.Parameters, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return Read(reader);
    }

    private static void AddFilter(NpgsqlParameterCollection parameters, DailyCostFilter filter)
    {
        parameters.AddDate(filter.From);
        parameters.AddDate(filter.To);
        parameters.AddTextArray(filter.Municipalities);
        parameters.AddText(filter.ProviderAgb);
        parameters.AddText(filter.ProductCategorie);
        parameters.AddText(filter.Standard);
    }

    private static DailyCost Read(NpgsqlDataReader reader) => new(
        Date: reader.GetFieldValue<DateOnly>(0),
        MunicipalityCode: reader.GetString(1),
        ProviderAgb: reader.GetString(2),
        ProductCategorie: reader.GetString(3),
        Standard: reader.GetString(4),
        AmountCents: reader.GetInt64(5),
        LineCount: reader.GetInt32(6));
}
