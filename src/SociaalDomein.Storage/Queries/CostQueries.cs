using Npgsql;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Storage.Ledger;

namespace SociaalDomein.Storage.Queries;

/// <summary>The read side for reports and the API: daily costs, year totals per contract and the lines behind them.</summary>
public sealed class CostQueries(NpgsqlDataSource dataSource)
{
    /// <summary>All daily cost rows, by day, municipality, provider, category and standard.</summary>
    public async Task<IReadOnlyList<DailyCost>> GetDailyCostsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT day, municipality_code, provider_agb, product_categorie, standard, amount_cents, line_count
            FROM daily_costs
            ORDER BY day, municipality_code, provider_agb, product_categorie, standard
            """);
        var rows = new List<DailyCost>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DailyCost(
                Date: reader.GetFieldValue<DateOnly>(0),
                MunicipalityCode: reader.GetString(1),
                ProviderAgb: reader.GetString(2),
                ProductCategorie: reader.GetString(3),
                Standard: reader.GetString(4),
                AmountCents: reader.GetInt64(5),
                LineCount: reader.GetInt32(6)));
        }
        return rows;
    }

    /// <summary>Declared amount per contract and budget year, summed from the ledger itself.</summary>
    public async Task<IReadOnlyList<ContractYearTotal>> GetContractYearTotalsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT municipality_code, provider_agb, year, sum(amount_cents)::bigint
            FROM declaration_lines
            GROUP BY municipality_code, provider_agb, year
            ORDER BY municipality_code, provider_agb, year
            """);
        var totals = new List<ContractYearTotal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            totals.Add(new ContractYearTotal(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3)));
        return totals;
    }

    /// <summary>The ledger lines of one contract and budget year, in ledger order: what a total is made of.</summary>
    public async Task<IReadOnlyList<StoredDeclarationLine>> GetLinesForContractAsync(ContractKey contract, int year, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {DeclarationLineColumns.SelectList}, stored_at
            FROM declaration_lines
            WHERE municipality_code = $1 AND provider_agb = $2 AND year = $3
            ORDER BY seq
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = contract.MunicipalityCode });
        command.Parameters.Add(new NpgsqlParameter { Value = contract.ProviderAgb });
        command.Parameters.Add(new NpgsqlParameter { Value = year });

        var lines = new List<StoredDeclarationLine>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = DeclarationLineColumns.Read(reader);
            lines.Add(new StoredDeclarationLine(entry.Sequence, reader.GetFieldValue<DateTimeOffset>(DeclarationLineColumns.ColumnCount), entry.Line));
        }
        return lines;
    }
}
