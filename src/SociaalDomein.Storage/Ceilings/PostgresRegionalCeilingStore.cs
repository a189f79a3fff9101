using Npgsql;
using NpgsqlTypes;
using SociaalDomein.Monitoring.Ceilings;

namespace SociaalDomein.Storage.Ceilings;

/// <summary>Region-wide ceilings in <c>regional_ceilings</c>, and the ledger's totals per municipality they are held against.</summary>
public sealed class PostgresRegionalCeilingStore(NpgsqlDataSource dataSource) : IRegionalCeilingStore
{
    private const string AllCategories = "";

    public async Task<IReadOnlyList<RegionalBudgetCeiling>> GetForProviderAsync(string providerAgb, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT region_code, provider_agb, year, product_categorie, ceiling_cents, participants
            FROM regional_ceilings WHERE provider_agb = $1
            ORDER BY region_code, year, product_categorie
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = providerAgb });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<RegionalBudgetCeiling>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT region_code, provider_agb, year, product_categorie, ceiling_cents, participants
            FROM regional_ceilings ORDER BY region_code, provider_agb, year, product_categorie
            """);
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<RegionalBudgetCeiling>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var ceilings = new List<RegionalBudgetCeiling>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var category = reader.GetString(3);
            ceilings.Add(new RegionalBudgetCeiling(reader.GetString(0), reader.GetString(1), reader.GetInt32(2),
                category == AllCategories ? null : category, reader.GetInt64(4), reader.GetFieldValue<string[]>(5)));
        }
        return ceilings;
    }

    public async Task UpsertAsync(RegionalBudgetCeiling ceiling, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ceiling);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO regional_ceilings (region_code, provider_agb, year, product_categorie, ceiling_cents, participants, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, now())
            ON CONFLICT (region_code, provider_agb, year, product_categorie) DO UPDATE
                SET ceiling_cents = excluded.ceiling_cents, participants = excluded.participants, updated_at = excluded.updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ceiling.RegionCode });
        command.Parameters.Add(new NpgsqlParameter { Value = ceiling.ProviderAgb });
        command.Parameters.Add(new NpgsqlParameter { Value = ceiling.Year });
        command.Parameters.Add(new NpgsqlParameter { Value = ceiling.ProductCategorie ?? AllCategories });
        command.Parameters.Add(new NpgsqlParameter { Value = ceiling.CeilingCents });
        command.Parameters.Add(new NpgsqlParameter { Value = ceiling.Participants.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, long>> GetDeclaredByMunicipalityAsync(string providerAgb, int year, string? productCategorie,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT municipality_code, sum(amount_cents)::bigint
            FROM declaration_lines
            WHERE provider_agb = $1 AND year = $2 AND ($3::text IS NULL OR product_categorie = $3)
            GROUP BY municipality_code
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = providerAgb });
        command.Parameters.Add(new NpgsqlParameter { Value = year });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)productCategorie ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var declared = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) declared[reader.GetString(0)] = reader.GetInt64(1);
        return declared;
    }
}
