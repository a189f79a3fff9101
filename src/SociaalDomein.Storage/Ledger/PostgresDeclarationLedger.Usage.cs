using Npgsql;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Rules.AllocationChecks;
using SociaalDomein.Monitoring.Rules.Calendar;
using SociaalDomein.Monitoring.Rules.Forecasting;

namespace SociaalDomein.Storage.Ledger;

public sealed partial class PostgresDeclarationLedger
{
    // The sign rule of DeclarationLineFacts.From: a line is a credit when its amount is negative or it names the debit it
    // corrects; a credit takes back its volume and its (absolute) amount.
    private const string ReadUsage = """
        WITH lines AS (
            SELECT standard, toewijzing_nummer, date_trunc('month', period_begin)::date AS month, eenheid,
                   CASE WHEN amount_cents < 0 OR vorig_referentie_nummer IS NOT NULL THEN -1 ELSE 1 END AS sign,
                   geleverd_volume, abs(amount_cents) AS amount
            FROM declaration_lines
            WHERE municipality_code = $1 AND provider_agb = $2 AND seq <= $3
        )
        SELECT standard, toewijzing_nummer, month, eenheid, sum(sign * geleverd_volume)::bigint, NULL::bigint, 0 AS part
        FROM lines GROUP BY standard, toewijzing_nummer, month, eenheid
        UNION ALL
        SELECT standard, toewijzing_nummer, month, NULL, NULL, sum(sign * amount)::bigint, 1
        FROM lines GROUP BY standard, toewijzing_nummer, month
        UNION ALL
        SELECT * FROM (
            SELECT DISTINCT ON (standard, toewijzing_nummer) standard, toewijzing_nummer, NULL::date, eenheid, NULL::bigint, tariff_cents, 2
            FROM declaration_lines
            WHERE municipality_code = $1 AND provider_agb = $2 AND seq <= $3
              AND tariff_cents IS NOT NULL AND amount_cents >= 0 AND vorig_referentie_nummer IS NULL
            ORDER BY standard, toewijzing_nummer, seq DESC) AS last_tariff
        """;

    public async Task<IReadOnlyDictionary<(Standard Standard, long ToewijzingNummer), AllocationUsage>> ReadAllocationUsageAsync(
        ContractKey contract, long upToSequence, CancellationToken cancellationToken = default)
    {
        var usage = new Dictionary<(Standard, long), AllocationUsage>();
        if (upToSequence <= 0) return usage;
        await using var command = dataSource.CreateCommand(ReadUsage);
        command.Parameters.Add(new NpgsqlParameter { Value = contract.MunicipalityCode });
        command.Parameters.Add(new NpgsqlParameter { Value = contract.ProviderAgb });
        command.Parameters.Add(new NpgsqlParameter { Value = upToSequence });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (StandardColumn.Parse(reader.GetString(0)), reader.GetInt64(1));
            if (!usage.TryGetValue(key, out var allocation))
            {
                allocation = new AllocationUsage();
                usage[key] = allocation;
            }
            switch (reader.GetInt32(6))
            {
                case 0:
                    var volume = reader.GetInt64(4);
                    if (volume != 0) allocation.Volumes[new UsageBucket(ServiceMonth.Of(reader.GetFieldValue<DateOnly>(2)), reader.GetString(3))] = volume;
                    break;
                case 1:
                    var amount = reader.GetInt64(5);
                    if (amount != 0) allocation.AmountCents[ServiceMonth.Of(reader.GetFieldValue<DateOnly>(2))] = amount;
                    break;
                default:
                    allocation.LastTariff = new Tariff(reader.GetInt64(5), reader.GetString(3));
                    break;
            }
        }
        return usage;
    }
}
