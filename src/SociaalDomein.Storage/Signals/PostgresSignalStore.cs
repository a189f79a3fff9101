using Npgsql;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Signals;
using SociaalDomein.Storage.Ledger;

namespace SociaalDomein.Storage.Signals;

/// <summary>Line signals in PostgreSQL (table <c>line_signals</c>).</summary>
public sealed class PostgresSignalStore(NpgsqlDataSource dataSource) : ISignalStore
{
    // Resolve what no longer holds, then open (or re-open) what holds now; both for the given lines only.
    private const string ResolveGone = """
        UPDATE line_signals s SET resolved_at = now()
        WHERE s.municipality_code = $1 AND s.provider_agb = $2 AND s.standard = $3
          AND s.referentie_nummer = ANY($4) AND s.rule = ANY($5) AND s.resolved_at IS NULL
          AND NOT EXISTS (
              SELECT 1 FROM unnest($6::text[], $7::text[]) AS c(referentie_nummer, rule)
              WHERE c.referentie_nummer = s.referentie_nummer AND c.rule = s.rule)
        """;

    private const string OpenCurrent = """
        INSERT INTO line_signals AS s (provider_agb, standard, referentie_nummer, rule, message_id, municipality_code, toewijzing_nummer, explanation)
        SELECT $1, $2, c.referentie_nummer, c.rule, c.message_id, $3, c.toewijzing_nummer, c.explanation
        FROM unnest($4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[]) AS c(referentie_nummer, rule, message_id, toewijzing_nummer, explanation)
        ON CONFLICT (provider_agb, standard, referentie_nummer, rule, message_id) DO UPDATE
            SET resolved_at = NULL, explanation = excluded.explanation
            WHERE s.resolved_at IS NOT NULL OR s.explanation <> excluded.explanation
        """;

    public async Task ReplaceAllocationSignalsAsync(ContractKey contract, Standard standard, IReadOnlyCollection<string> referentieNummers,
        IReadOnlyList<LineSignal> current, CancellationToken cancellationToken = default)
    {
        if (referentieNummers.Count == 0) return;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var resolve = new NpgsqlCommand(ResolveGone, connection, transaction))
        {
            resolve.Parameters.Add(new NpgsqlParameter { Value = contract.MunicipalityCode });
            resolve.Parameters.Add(new NpgsqlParameter { Value = contract.ProviderAgb });
            resolve.Parameters.Add(new NpgsqlParameter { Value = standard.Code() });
            resolve.Parameters.Add(new NpgsqlParameter { Value = referentieNummers.ToArray() });
            resolve.Parameters.Add(new NpgsqlParameter { Value = SignalRules.AllocationRules.ToArray() });
            resolve.Parameters.Add(new NpgsqlParameter { Value = current.Select(s => s.ReferentieNummer).ToArray() });
            resolve.Parameters.Add(new NpgsqlParameter { Value = current.Select(s => s.Rule).ToArray() });
            await resolve.ExecuteNonQueryAsync(cancellationToken);
        }
        if (current.Count > 0)
        {
            await using var open = new NpgsqlCommand(OpenCurrent, connection, transaction);
            open.Parameters.Add(new NpgsqlParameter { Value = contract.ProviderAgb });
            open.Parameters.Add(new NpgsqlParameter { Value = standard.Code() });
            open.Parameters.Add(new NpgsqlParameter { Value = contract.MunicipalityCode });
            open.Parameters.Add(new NpgsqlParameter { Value = current.Select(s => s.ReferentieNummer).ToArray() });
            open.Parameters.Add(new NpgsqlParameter { Value = current.Select(s => s.Rule).ToArray() });
            open.Parameters.Add(new NpgsqlParameter { Value = current.Select(s => s.MessageId).ToArray() });
            open.Parameters.Add(new NpgsqlParameter { Value = current.Select(s => s.ToewijzingNummer).ToArray() });
            open.Parameters.Add(new NpgsqlParameter { Value = current.Select(s => s.Explanation).ToArray() });
            await open.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RecordMessageFindingsAsync(IReadOnlyList<LineSignal> findings, CancellationToken cancellationToken = default)
    {
        if (findings.Count == 0) return;
        await using var command = dataSource.CreateCommand("""
            INSERT INTO line_signals (provider_agb, standard, referentie_nummer, rule, message_id, municipality_code, toewijzing_nummer, explanation)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[])
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = findings.Select(f => f.ProviderAgb).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = findings.Select(f => f.Standard.Code()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = findings.Select(f => f.ReferentieNummer).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = findings.Select(f => f.Rule).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = findings.Select(f => f.MessageId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = findings.Select(f => f.MunicipalityCode).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = findings.Select(f => f.ToewijzingNummer).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = findings.Select(f => f.Explanation).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SignalCount>> CountOpenAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT municipality_code, provider_agb, rule, count(*)
            FROM line_signals WHERE resolved_at IS NULL
            GROUP BY municipality_code, provider_agb, rule
            ORDER BY municipality_code, provider_agb, rule
            """);
        var counts = new List<SignalCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            counts.Add(new SignalCount(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        return counts;
    }

    public async Task<IReadOnlyList<LineSignal>> GetOpenForLineAsync(string providerAgb, Standard standard, string referentieNummer,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT standard, municipality_code, provider_agb, referentie_nummer, toewijzing_nummer, rule, explanation, message_id
            FROM line_signals
            WHERE provider_agb = $1 AND standard = $2 AND referentie_nummer = $3 AND resolved_at IS NULL
            ORDER BY rule, message_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = providerAgb });
        command.Parameters.Add(new NpgsqlParameter { Value = standard.Code() });
        command.Parameters.Add(new NpgsqlParameter { Value = referentieNummer });
        var signals = new List<LineSignal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            signals.Add(new LineSignal(StandardColumn.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt64(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        }
        return signals;
    }
}
