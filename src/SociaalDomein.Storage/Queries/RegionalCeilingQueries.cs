using Npgsql;

namespace SociaalDomein.Storage.Queries;

/// <summary>
/// Region-wide ceilings (<c>regional_ceilings</c>) for the API: reads, and creates and changes that write their audit
/// record in <c>ceiling_changes</c> (with <c>region_code</c> set, 0009) in the same transaction as the ceiling, as
/// <see cref="CeilingQueries"/> does for contract ceilings. The caller then asks the regional ceiling grain to re-evaluate.
/// </summary>
public sealed class RegionalCeilingQueries(NpgsqlDataSource dataSource)
{
    private const string AllCategories = "";

    private const string Where = """
        WHERE ($1::int IS NULL OR year = $1) AND ($2::text IS NULL OR region_code = $2)
          AND ($3::text IS NULL OR provider_agb = $3) AND ($4::text[] IS NULL OR participants && $4)
        """;

    /// <summary>One page of region-wide ceilings by year, region, provider and category (all categories first).</summary>
    public Task<Paged<RegionalCeilingRecord>> GetPageAsync(RegionalCeilingFilter filter, int limit, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PagedQuery.ReadAsync(
            dataSource,
            "region_code, provider_agb, year, product_categorie, ceiling_cents, participants, updated_at",
            $"FROM regional_ceilings {Where}",
            "year, region_code, provider_agb, product_categorie",
            p => AddFilter(p, filter),
            ReadRecord, limit, offset, cancellationToken);
    }

    /// <summary>The ceiling of a region, provider and year for one category (null: all categories), or null when there is none.</summary>
    public async Task<RegionalCeilingRecord?> GetAsync(string regionCode, string providerAgb, int year, string? productCategorie,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT region_code, provider_agb, year, product_categorie, ceiling_cents, participants, updated_at
            FROM regional_ceilings
            WHERE region_code = $1 AND provider_agb = $2 AND year = $3 AND product_categorie = $4
            """);
        AddKey(command.Parameters, regionCode, providerAgb, year, productCategorie);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader) : null;
    }

    /// <summary>Creates the ceiling unless one exists for the same region, provider, year and category.</summary>
    public Task<RegionalCeilingWrite> CreateAsync(string regionCode, string providerAgb, int year, string? productCategorie, long ceilingCents,
        IReadOnlyList<string> participants, string changedBy, string? reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participants);
        return WriteAsync(regionCode, providerAgb, year, productCategorie, ceilingCents, participants, changedBy, reason, at, create: true, cancellationToken);
    }

    /// <summary>Changes an existing ceiling's amount and, when <paramref name="participants"/> is given, who takes part.</summary>
    public Task<RegionalCeilingWrite> ChangeAsync(string regionCode, string providerAgb, int year, string? productCategorie, long ceilingCents,
        IReadOnlyList<string>? participants, string changedBy, string? reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync(regionCode, providerAgb, year, productCategorie, ceilingCents, participants, changedBy, reason, at, create: false, cancellationToken);

    /// <summary>One page of the audit trail of region-wide ceilings, newest first.</summary>
    public Task<Paged<RegionalCeilingChange>> GetChangesPageAsync(RegionalCeilingFilter filter, int limit, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PagedQuery.ReadAsync(
            dataSource,
            "id, region_code, provider_agb, year, product_categorie, old_ceiling_cents, new_ceiling_cents, old_participants, new_participants, " +
            "changed_by, reason, changed_at",
            """
            FROM ceiling_changes
            WHERE region_code IS NOT NULL AND ($1::int IS NULL OR year = $1) AND ($2::text IS NULL OR region_code = $2)
              AND ($3::text IS NULL OR provider_agb = $3) AND ($4::text[] IS NULL OR new_participants && $4)
            """,
            "id DESC",
            p => AddFilter(p, filter),
            ReadChange, limit, offset, cancellationToken);
    }

    private async Task<RegionalCeilingWrite> WriteAsync(string regionCode, string providerAgb, int year, string? productCategorie, long ceilingCents,
        IReadOnlyList<string>? participants, string changedBy, string? reason, DateTimeOffset at, bool create, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regionCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerAgb);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        long? oldCents = null;
        string[]? oldParticipants = null;
        await using (var current = new NpgsqlCommand("""
            SELECT ceiling_cents, participants FROM regional_ceilings
            WHERE region_code = $1 AND provider_agb = $2 AND year = $3 AND product_categorie = $4
            FOR UPDATE
            """, connection, transaction))
        {
            AddKey(current.Parameters, regionCode, providerAgb, year, productCategorie);
            await using var reader = await current.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                oldCents = reader.GetInt64(0);
                oldParticipants = reader.GetFieldValue<string[]>(1);
            }
        }

        if (create && oldCents is not null) return new RegionalCeilingWrite(CeilingWriteOutcome.AlreadyExists, null);
        if (!create && oldCents is null) return new RegionalCeilingWrite(CeilingWriteOutcome.NotFound, null);
        var newParticipants = (participants ?? oldParticipants!).ToArray();

        // A create that races another create for the same key waits for it on the primary key and then stores nothing:
        // it is answered as already existing (409), not as a failure.
        await using (var write = new NpgsqlCommand(create
            ? """
              INSERT INTO regional_ceilings (region_code, provider_agb, year, product_categorie, ceiling_cents, participants, updated_at)
              VALUES ($1, $2, $3, $4, $5, $6, $7)
              ON CONFLICT DO NOTHING
              """
            : """
              UPDATE regional_ceilings SET ceiling_cents = $5, participants = $6, updated_at = $7
              WHERE region_code = $1 AND provider_agb = $2 AND year = $3 AND product_categorie = $4
              """,
            connection, transaction))
        {
            AddKey(write.Parameters, regionCode, providerAgb, year, productCategorie);
            write.Parameters.AddBigint(ceilingCents);
            write.Parameters.AddTextArray(newParticipants);
            write.Parameters.AddTimestamp(at);
            if (await write.ExecuteNonQueryAsync(cancellationToken) == 0 && create)
                return new RegionalCeilingWrite(CeilingWriteOutcome.AlreadyExists, null);
        }

        RegionalCeilingChange change;
        await using (var audit = new NpgsqlCommand("""
            INSERT INTO ceiling_changes (region_code, provider_agb, year, product_categorie, old_ceiling_cents, new_ceiling_cents,
                                         old_participants, new_participants, changed_by, reason, changed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            RETURNING id, region_code, provider_agb, year, product_categorie, old_ceiling_cents, new_ceiling_cents,
                      old_participants, new_participants, changed_by, reason, changed_at
            """, connection, transaction))
        {
            AddKey(audit.Parameters, regionCode, providerAgb, year, productCategorie);
            audit.Parameters.AddBigint(oldCents);
            audit.Parameters.AddBigint(ceilingCents);
            audit.Parameters.AddTextArray(oldParticipants);
            audit.Parameters.AddTextArray(newParticipants);
            audit.Parameters.AddText(changedBy);
            audit.Parameters.AddText(reason);
            audit.Parameters.AddTimestamp(at);
            await using var reader = await audit.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            change = ReadChange(reader);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RegionalCeilingWrite(CeilingWriteOutcome.Written, change);
    }

    private static void AddFilter(NpgsqlParameterCollection parameters, RegionalCeilingFilter filter)
    {
        parameters.AddInteger(filter.Year);
        parameters.AddText(filter.RegionCode);
        parameters.AddText(filter.ProviderAgb);
        parameters.AddTextArray(filter.Municipalities);
    }

    private static void AddKey(NpgsqlParameterCollection parameters, string regionCode, string providerAgb, int year, string? productCategorie)
    {
        parameters.AddText(regionCode);
        parameters.AddText(providerAgb);
        parameters.AddInteger(year);
        parameters.AddText(productCategorie ?? AllCategories);
    }

    private static RegionalCeilingRecord ReadRecord(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetInt32(2), Category(reader.GetString(3)), reader.GetInt64(4),
        reader.GetFieldValue<string[]>(5), reader.GetFieldValue<DateTimeOffset>(6));

    private static string? Category(string stored) => stored == AllCategories ? null : stored;

    private static RegionalCeilingChange ReadChange(NpgsqlDataReader reader) => new(
        Id: reader.GetInt64(0),
        RegionCode: reader.GetString(1),
        ProviderAgb: reader.GetString(2),
        Year: reader.GetInt32(3),
        ProductCategorie: Category(reader.GetString(4)),
        OldCeilingCents: reader.IsDBNull(5) ? null : reader.GetInt64(5),
        NewCeilingCents: reader.GetInt64(6),
        OldParticipants: reader.IsDBNull(7) ? null : reader.GetFieldValue<string[]>(7),
        NewParticipants: reader.GetFieldValue<string[]>(8),
        ChangedBy: reader.GetString(9),
        Reason: reader.IsDBNull(10) ? null : reader.GetString(10),
        ChangedAt: reader.GetFieldValue<DateTimeOffset>(11));
}
