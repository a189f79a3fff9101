using Npgsql;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Storage.Traffic;

/// <summary>The contracts named anywhere in the database; daily_costs stands in for the ledger (same contracts, far fewer rows).</summary>
public sealed class PostgresContractDirectory(NpgsqlDataSource dataSource) : IContractDirectory
{
    public async Task<IReadOnlyList<ContractKey>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT municipality_code, provider_agb FROM daily_costs
            UNION SELECT municipality_code, provider_agb FROM ceilings
            UNION SELECT municipality_code, provider_agb FROM allocation_versions
            UNION SELECT municipality_code, provider_agb FROM awaited_answers
            ORDER BY 1, 2
            """);
        var contracts = new List<ContractKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            contracts.Add(new ContractKey(reader.GetString(0), reader.GetString(1)));
        return contracts;
    }
}
