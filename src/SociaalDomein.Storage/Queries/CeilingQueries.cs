using Npgsql;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Storage.Queries;

/// <summary>
/// Budget ceilings for the API: reads, and creates and changes that write an audit record (<c>ceiling_changes</c>) in the
/// same transaction as the ceiling itself. The caller then asks the contract grain to re-evaluate its thresholds.
/// </summary>
public sealed class CeilingQueries(NpgsqlDataSource dataSource)
{
    private const string AllCategories = "";

    /// <summary>One page of ceilings by year, municipality, provider and category (all categories first).</summary>
    public Task<Paged<CeilingRecord>> GetPageAsync(ContractFilter filter, int limit, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PagedQuery.ReadAsync(
            dataSource,
            "municipality_code, provider_agb, year, product_categorie, ceiling_cents, updated_at",
            """
            FROM ceilings
            WHERE ($1::int IS NULL OR year = $1) AND ($2::text[] IS NULL OR municipality_code = ANY($2))
              AND ($3::text IS NULL OR provider_agb = $3)
            """,
            "year, municipality_code, provider_agb, product_categorie",
            p =>
            {
                p.AddInteger(filter.Year);
                p.AddTextArray(filter.Municipalities);
                p.AddText(filter.ProviderAgb);
            },
            ReadRecord,
            limit, offset, cancellationToken);
    }

    /// <summary>The ceiling of a contract-year for one category (null: all categories), or null when none is agreed.</summary>
    public async Task<CeilingRecord?> GetAsync(ContractKey contract, int year, string? productCategorie, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT municipality_code, provider_agb, year, product_categorie, ceiling_cents, updated_at
            FROM ceilings
            WHERE municipality_code = $1 AND provider_agb = $2 AND year = $3 AND product_categorie = $4
            """);
        AddKey(command.Parameters, new BudgetCeiling(contract, year, productCategorie, 0));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader) : null;
    }

    /// <summary>Creates the ceiling unless one exists for the same contract, year and category.</summary>
    public Task<CeilingWrite> CreateAsync(BudgetCeiling ceiling, string changedBy, string? reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync(ceiling, changedBy, reason, at, create: true, cancellationToken);

    /// <summary>Changes an existing ceiling's amount.</summary>
    public Task<CeilingWrite> ChangeAsync(BudgetCeiling ceiling, string changedBy, string? reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync(ceiling, changedBy, reason, at, create: false, cancellationToken);

    /// <summary>
    /// One page of the audit trail of contract ceilings, newest first; <paramref name="filter"/> selects contracts as for
    /// the ceilings. Region-wide ceilings share the table (0009) and are read by <see cref="RegionalCeilingQueries"/>.
    /// </summary>
    public Task<Paged<CeilingChange>> GetChangesPageAsync(ContractFilter filter, int limit, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PagedQuery.ReadAsync(
            dataSource,
            "id, municipality_code, provider_agb, year, product_categorie, old_ceiling_cents, new_ceiling_cents, changed_by, reason, changed_at",
            """
            FROM ceiling_changes
            WHERE region_code IS NULL AND ($1::int IS NULL OR year = $1) AND ($2::text[] IS NULL OR municipality_code = ANY($2))
              AND ($3::text IS NULL OR provider_agb = $3)
            """,
            "id DESC",
            p =>
            {
                p.AddInteger(filter.Year);
                p.AddTextArray(filter.Municipalities);
                p.AddText(filter.ProviderAgb);
            },
            ReadChange, limit, offset, cancellationToken);
    }

    private async Task<CeilingWrite> WriteAsync(BudgetCeiling ceiling, string changedBy, string? reason, DateTimeOffset at, bool create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ceiling);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        long? old;
        await using (var current = new NpgsqlCommand("""
            SELECT ceiling_cents FROM ceilings
            WHERE municipality_code = $1 AND provider_agb = $2 AND year = $3 AND product_categorie = $4
            FOR UPDATE
            """, connection, transaction))
        {
            AddKey(current.Parameters, ceiling);
            old = (long?)await current.ExecuteScalarAsync(cancellationToken);
        }

        if (create && old is not null) return new CeilingWrite(CeilingWriteOutcome.AlreadyExists, null);
        if (!create && old is null) return new CeilingWrite(CeilingWriteOutcome.NotFound, null);

        // A create that races another create for the same key waits for it on the primary key and then stores nothing:
        // it is answered as already existing (409), not as a failure.
        await using (var write = new NpgsqlCommand(create
            ? "INSERT INTO ceilings (municipality_code, provider_agb, year, product_categorie, ceiling_cents, updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING"
            : "UPDATE ceilings SET ceiling_cents = $5, updated_at = $6 WHERE municipality_code = $1 AND provider_agb = $2 AND year = $3 AND product_categorie = $4",
            connection, transaction))
        {
            AddKey(write.Parameters, ceiling);
            write.Parameters.AddBigint(ceiling.CeilingCents);
            write.Parameters.AddTimestamp(at);
            if (await write.ExecuteNonQueryAsync(cancellationToken) == 0 && create)
                return new CeilingWrite(CeilingWriteOutcome.AlreadyExists, null);
        }

        CeilingChange change;
        await using (var audit = new NpgsqlCommand("""
            INSERT INTO ceiling_changes (municipality_code, provider_agb, year, product_categorie, old_ceiling_cents,
                                         new_ceiling_cents, changed_by, reason, changed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            RETURNING id, municipality_code, provider_agb, year, product_categorie, old_ceiling_cents, new_ceiling_cents,
                      changed_by, reason, changed_at
            """, connection, transaction))
        {
            AddKey(audit.Parameters, ceiling);
            audit.Parameters.AddBigint(old);
            audit.Parameters.AddBigint(ceiling.CeilingCents);
            audit.Parameters.AddText(changedBy);
            audit.Parameters.AddText(reason);
            audit.Parameters.AddTimestamp(at);
            await using var reader = await audit.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            change = ReadChange(reader);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CeilingWrite(CeilingWriteOutcome.Written, change);
    }

    private static void AddKey(NpgsqlParameterCollection parameters, BudgetCeiling ceiling)
    {
        parameters.AddText(ceiling.Contract.MunicipalityCode);
        parameters.AddText(ceiling.Contract.ProviderAgb);
        parameters.AddInteger(ceiling.Year);
        parameters.AddText(ceiling.ProductCategorie ?? AllCategories);
    }

    private static CeilingRecord ReadRecord(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetInt32(2), Category(reader.GetString(3)), reader.GetInt64(4),
        reader.GetFieldValue<DateTimeOffset>(5));

    private static string? Category(string stored) => stored == AllCategories ? null : stored;

    private static CeilingChange ReadChange(NpgsqlDataReader reader) => new(
        Id: reader.GetInt64(0),
        MunicipalityCode: reader.GetString(1),
        ProviderAgb: reader.GetString(2),
        Year: reader.GetInt32(3),
        ProductCategorie: Category(reader.GetString(4)),
        OldCeilingCents: reader.IsDBNull(5) ? null : reader.GetInt64(5),
        NewCeilingCents: reader.GetInt64(6),
        ChangedBy: reader.GetString(7),
        Reason: reader.IsDBNull(8) ? null : reader.GetString(8),
        ChangedAt: reader.GetFieldValue<DateTimeOffset>(9));
}
