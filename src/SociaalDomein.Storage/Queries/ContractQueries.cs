using Npgsql;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Storage.Queries;

/// <summary>
/// Contracts seen from the ledger: year-to-date totals against ceilings, the running total over a year, and the
/// drill-down of a contract-year total to its lines and messages. Every figure is summed from <c>declaration_lines</c>.
/// </summary>
public sealed class ContractQueries(NpgsqlDataSource dataSource)
{
    // A contract with a ceiling but no lines yet is listed too (declared 0): hence the full join.
    private const string YearToDate = """
        FROM (
            SELECT municipality_code, provider_agb, year,
                   coalesce(d.declared_cents, 0) AS declared_cents, c.ceiling_cents,
                   coalesce(d.line_count, 0) AS line_count, d.last_dagtekening
            FROM (
                SELECT municipality_code, provider_agb, year, sum(amount_cents)::bigint AS declared_cents,
                       count(*) AS line_count, max(dagtekening) AS last_dagtekening
                FROM declaration_lines
                WHERE ($1::int IS NULL OR year = $1) AND ($2::text[] IS NULL OR municipality_code = ANY($2))
                  AND ($3::text IS NULL OR provider_agb = $3)
                GROUP BY municipality_code, provider_agb, year
            ) AS d
            FULL JOIN (
                SELECT municipality_code, provider_agb, year, ceiling_cents
                FROM ceilings
                WHERE product_categorie = '' AND ($1::int IS NULL OR year = $1)
                  AND ($2::text[] IS NULL OR municipality_code = ANY($2)) AND ($3::text IS NULL OR provider_agb = $3)
            ) AS c USING (municipality_code, provider_agb, year)
        ) AS ytd
        """;

    private const string YearToDateColumns = "municipality_code, provider_agb, year, declared_cents, ceiling_cents, line_count, last_dagtekening";
    private const string YearToDateOrder = "year, municipality_code, provider_agb";

    /// <summary>One page of contract-year totals, by year, municipality and provider.</summary>
    public Task<Paged<ContractYearToDate>> GetYearToDatePageAsync(ContractFilter filter, int limit, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PagedQuery.ReadAsync(dataSource, YearToDateColumns, YearToDate, YearToDateOrder, p => AddFilter(p, filter), ReadYearToDate,
            limit, offset, cancellationToken);
    }

    /// <summary>All contract-year totals the filter selects (a region has hundreds of contracts, not millions).</summary>
    public async Task<IReadOnlyList<ContractYearToDate>> GetYearToDateAsync(ContractFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand($"SELECT {YearToDateColumns} {YearToDate} ORDER BY {YearToDateOrder}");
        AddFilter(command.Parameters, filter);
        var rows = new List<ContractYearToDate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(ReadYearToDate(reader));
        return rows;
    }

    /// <summary>Per product category: what the contract declared in the year and the category's own ceiling, if agreed.</summary>
    public async Task<IReadOnlyList<ContractCategoryTotal>> GetCategoryTotalsAsync(ContractKey contract, int year, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT product_categorie, coalesce(d.declared_cents, 0), c.ceiling_cents, coalesce(d.line_count, 0)
            FROM (
                SELECT product_categorie, sum(amount_cents)::bigint AS declared_cents, count(*) AS line_count
                FROM declaration_lines
                WHERE municipality_code = $1 AND provider_agb = $2 AND year = $3
                GROUP BY product_categorie
            ) AS d
            FULL JOIN (
                SELECT product_categorie, ceiling_cents
                FROM ceilings
                WHERE municipality_code = $1 AND provider_agb = $2 AND year = $3 AND product_categorie <> ''
            ) AS c USING (product_categorie)
            ORDER BY product_categorie
            """);
        AddContract(command.Parameters, contract, year);
        var rows = new List<ContractCategoryTotal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new ContractCategoryTotal(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetInt64(3)));
        return rows;
    }

    /// <summary>
    /// The running total a provider declared in a budget year, one point per Dagtekening (at most one per day of a year
    /// and a half, since a year's care is declared until some months after it), over the selected municipalities.
    /// </summary>
    public async Task<IReadOnlyList<CumulativePoint>> GetCumulativeByDayAsync(ContractFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand("""
            SELECT dagtekening, sum(amount_cents)::bigint,
                   (sum(sum(amount_cents)) OVER (ORDER BY dagtekening))::bigint
            FROM declaration_lines
            WHERE ($1::int IS NULL OR year = $1) AND ($2::text[] IS NULL OR municipality_code = ANY($2))
              AND ($3::text IS NULL OR provider_agb = $3)
            GROUP BY dagtekening
            ORDER BY dagtekening
            """);
        AddFilter(command.Parameters, filter);
        var points = new List<CumulativePoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            points.Add(new CumulativePoint(reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), reader.GetInt64(2)));
        return points;
    }

    /// <summary>One page of the ledger lines behind a contract-year total, in ledger order.</summary>
    public Task<Paged<LedgerLine>> GetLinesPageAsync(ContractKey contract, int year, int limit, long offset, CancellationToken cancellationToken = default) =>
        PagedQuery.ReadAsync(
            dataSource,
            LedgerLineColumns,
            "FROM declaration_lines WHERE municipality_code = $1 AND provider_agb = $2 AND year = $3",
            "seq",
            p => AddContract(p, contract, year),
            ReadLedgerLine,
            limit, offset, cancellationToken);

    /// <summary>One page of the declaration messages behind a contract-year total, by Dagtekening and message id.</summary>
    public Task<Paged<ContractMessage>> GetMessagesPageAsync(ContractKey contract, int year, int limit, long offset, CancellationToken cancellationToken = default) =>
        PagedQuery.ReadAsync(
            dataSource,
            """
            message_id, declaratie_nummer, dagtekening, line_count, amount_cents, source_topic, source_partition, source_offset,
            (SELECT min(logged_at) FROM message_log AS l WHERE l.message_id = m.message_id AND l.status = 'accepted')
            """,
            """
            FROM (
                SELECT message_id, min(declaratie_nummer) AS declaratie_nummer, min(dagtekening) AS dagtekening,
                       count(*) AS line_count, sum(amount_cents)::bigint AS amount_cents,
                       min(source_topic) AS source_topic, min(source_partition) AS source_partition, min(source_offset) AS source_offset
                FROM declaration_lines
                WHERE municipality_code = $1 AND provider_agb = $2 AND year = $3
                GROUP BY message_id
            ) AS m
            """,
            "dagtekening, message_id",
            p => AddContract(p, contract, year),
            reader => new ContractMessage(
                MessageId: reader.GetString(0),
                DeclaratieNummer: reader.GetString(1),
                Dagtekening: reader.GetFieldValue<DateOnly>(2),
                LineCount: reader.GetInt64(3),
                AmountCents: reader.GetInt64(4),
                SourceTopic: reader.GetString(5),
                SourcePartition: reader.GetInt32(6),
                SourceOffset: reader.GetInt64(7),
                LoggedAt: reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)),
            limit, offset, cancellationToken);

    internal const string LedgerLineColumns = """
        seq, standard, municipality_code, provider_agb, year, referentie_nummer, vorig_referentie_nummer, declaratie_nummer,
        message_id, dagtekening, toewijzing_nummer, product_categorie, product_code, period_begin, period_end,
        geleverd_volume, eenheid, tariff_cents, amount_cents, client_pseudonym, source_topic, source_partition,
        source_offset, stored_at
        """;

    internal static LedgerLine ReadLedgerLine(NpgsqlDataReader reader) => new(
        Sequence: reader.GetInt64(0),
        Standard: reader.GetString(1),
        MunicipalityCode: reader.GetString(2),
        ProviderAgb: reader.GetString(3),
        Year: reader.GetInt32(4),
        ReferentieNummer: reader.GetString(5),
        VorigReferentieNummer: reader.IsDBNull(6) ? null : reader.GetString(6),
        DeclaratieNummer: reader.GetString(7),
        MessageId: reader.GetString(8),
        Dagtekening: reader.GetFieldValue<DateOnly>(9),
        ToewijzingNummer: reader.GetInt64(10),
        ProductCategorie: reader.GetString(11),
        ProductCode: reader.GetString(12),
        PeriodBegin: reader.GetFieldValue<DateOnly>(13),
        PeriodEnd: reader.GetFieldValue<DateOnly>(14),
        GeleverdVolume: reader.GetInt64(15),
        Eenheid: reader.GetString(16),
        TariffCents: reader.IsDBNull(17) ? null : reader.GetInt64(17),
        AmountCents: reader.GetInt64(18),
        ClientPseudonym: reader.GetString(19),
        SourceTopic: reader.GetString(20),
        SourcePartition: reader.GetInt32(21),
        SourceOffset: reader.GetInt64(22),
        StoredAt: reader.GetFieldValue<DateTimeOffset>(23));

    private static void AddFilter(NpgsqlParameterCollection parameters, ContractFilter filter)
    {
        parameters.AddInteger(filter.Year);
        parameters.AddTextArray(filter.Municipalities);
        parameters.AddText(filter.ProviderAgb);
    }

    private static void AddContract(NpgsqlParameterCollection parameters, ContractKey contract, int year)
    {
        parameters.AddText(contract.MunicipalityCode);
        parameters.AddText(contract.ProviderAgb);
        parameters.AddInteger(year);
    }

    private static ContractYearToDate ReadYearToDate(NpgsqlDataReader reader) => new(
        MunicipalityCode: reader.GetString(0),
        ProviderAgb: reader.GetString(1),
        Year: reader.GetInt32(2),
        DeclaredCents: reader.GetInt64(3),
        CeilingCents: reader.IsDBNull(4) ? null : reader.GetInt64(4),
        LineCount: reader.GetInt64(5),
        LastDagtekening: reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6));
}
