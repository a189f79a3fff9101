using Npgsql;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Storage.Ceilings;

/// <summary>Budget ceilings in the <c>ceilings</c> table.</summary>
/// <remarks>A ceiling for all categories has category null in the domain and '' in the table (a key column cannot be NULL).</remarks>
public sealed class PostgresCeilingStore(NpgsqlDataSource dataSource) : ICeilingStore
{
    private const string AllCategories = "";

    private const string SelectColumns = "SELECT municipality_code, provider_agb, year, product_categorie, ceiling_cents FROM ceilings";
    private const string OrderBy = "ORDER BY municipality_code, provider_agb, year, product_categorie";

    public async Task<IReadOnlyList<BudgetCeiling>> GetForContractAsync(ContractKey contract, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"{SelectColumns} WHERE municipality_code = $1 AND provider_agb = $2 {OrderBy}");
        command.Parameters.Add(new NpgsqlParameter { Value = contract.MunicipalityCode });
        command.Parameters.Add(new NpgsqlParameter { Value = contract.ProviderAgb });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<BudgetCeiling>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"{SelectColumns} {OrderBy}");
        return await ReadAsync(command, cancellationToken);
    }

    public async Task UpsertAsync(BudgetCeiling ceiling, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ceiling);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO ceilings (municipality_code, provider_agb, year, product_categorie, ceiling_cents, updated_at)
            VALUES ($1, $2, $3, $4, $5, now())
            ON CONFLICT (municipality_code, provider_agb, year, product_categorie) DO UPDATE
                SET ceiling_cents = excluded.ceiling_cents, updated_at = excluded.updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ceiling.Contract.MunicipalityCode });
        command.Parameters.Add(new NpgsqlParameter { Value = ceiling.Contract.ProviderAgb });
        command.Parameters.Add(new NpgsqlParameter { Value = ceiling.Year });
        command.Parameters.Add(new NpgsqlParameter { Value = ceiling.ProductCategorie ?? AllCategories });
        command.Parameters.Add(new NpgsqlParameter { Value = ceiling.CeilingCents });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<BudgetCeiling>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var ceilings = new List<BudgetCeiling>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var category = reader.GetString(3);
            ceilings.Add(new BudgetCeiling(
                new ContractKey(reader.GetString(0), reader.GetString(1)),
                Year: reader.GetInt32(2),
                ProductCategorie: category == AllCategories ? null : category,
                CeilingCents: reader.GetInt64(4)));
        }
        return ceilings;
    }
}
