using Npgsql;
using NpgsqlTypes;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Traffic;
using SociaalDomein.Storage.Ledger;

namespace SociaalDomein.Storage.Allocations;

/// <summary>Allocation versions in PostgreSQL (table <c>allocation_versions</c>), stored as received.</summary>
public sealed class PostgresAllocationStore(NpgsqlDataSource dataSource) : IAllocationStore
{
    private const string Columns = """
        standard, municipality_code, toewijzing_nummer, toewijzingsdatum, toewijzingstijd, provider_agb, client_pseudonym,
        product_categorie, product_code, ingangsdatum, einddatum, deleted, volume, eenheid, frequentie, budget_cents, message_id
        """;

    public async Task AppendAsync(IReadOnlyList<AllocationVersion> versions, CancellationToken cancellationToken = default)
    {
        if (versions.Count == 0) return;
        await using var batch = dataSource.CreateBatch();
        foreach (var v in versions)
        {
            var command = new NpgsqlBatchCommand($"""
                INSERT INTO allocation_versions ({Columns})
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
                ON CONFLICT DO NOTHING
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = v.Standard.Code() });
            command.Parameters.Add(new NpgsqlParameter { Value = v.MunicipalityCode });
            command.Parameters.Add(new NpgsqlParameter { Value = v.ToewijzingNummer });
            command.Parameters.Add(new NpgsqlParameter { Value = v.Toewijzingsdatum });
            command.Parameters.Add(new NpgsqlParameter { Value = v.Toewijzingstijd });
            command.Parameters.Add(new NpgsqlParameter { Value = v.ProviderAgb });
            command.Parameters.Add(new NpgsqlParameter { Value = v.ClientPseudonym });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)v.ProductCategorie ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)v.ProductCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = v.Ingangsdatum });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)v.Einddatum ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
            command.Parameters.Add(new NpgsqlParameter { Value = v.Deleted });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)v.Volume ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)v.Eenheid ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)v.Frequentie ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)v.BudgetCents ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            command.Parameters.Add(new NpgsqlParameter { Value = v.MessageId });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AllocationVersion>> GetLatestForContractAsync(ContractKey contract, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT DISTINCT ON (standard, toewijzing_nummer) {Columns}
            FROM allocation_versions
            WHERE municipality_code = $1 AND provider_agb = $2
            ORDER BY standard, toewijzing_nummer, toewijzingsdatum DESC, toewijzingstijd DESC
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = contract.MunicipalityCode });
        command.Parameters.Add(new NpgsqlParameter { Value = contract.ProviderAgb });
        var versions = new List<AllocationVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new AllocationVersion(
                Standard: StandardColumn.Parse(reader.GetString(0)),
                MunicipalityCode: reader.GetString(1),
                ToewijzingNummer: reader.GetInt64(2),
                Toewijzingsdatum: reader.GetFieldValue<DateOnly>(3),
                Toewijzingstijd: reader.GetFieldValue<TimeOnly>(4),
                ProviderAgb: reader.GetString(5),
                ClientPseudonym: reader.GetString(6),
                ProductCategorie: reader.IsDBNull(7) ? null : reader.GetString(7),
                ProductCode: reader.IsDBNull(8) ? null : reader.GetString(8),
                Ingangsdatum: reader.GetFieldValue<DateOnly>(9),
                Einddatum: reader.IsDBNull(10) ? null : reader.GetFieldValue<DateOnly>(10),
                Deleted: reader.GetBoolean(11),
                Volume: reader.IsDBNull(12) ? null : reader.GetInt64(12),
                Eenheid: reader.IsDBNull(13) ? null : reader.GetString(13),
                Frequentie: reader.IsDBNull(14) ? null : reader.GetString(14),
                BudgetCents: reader.IsDBNull(15) ? null : reader.GetInt64(15),
                MessageId: reader.GetString(16)));
        }
        return versions;
    }

    public async Task<bool> AnyStoredAsync(ContractKey contract, IReadOnlyCollection<(Standard Standard, long ToewijzingNummer)> keys,
        CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0) return false;
        await using var command = dataSource.CreateCommand("""
            WITH keys AS (SELECT * FROM unnest($3::text[], $4::bigint[]) AS k(standard, toewijzing_nummer))
            SELECT EXISTS (SELECT 1 FROM allocation_versions v JOIN keys USING (standard, toewijzing_nummer)
                           WHERE v.municipality_code = $1 AND v.provider_agb = $2)
                OR EXISTS (SELECT 1 FROM care_reports r JOIN keys USING (standard, toewijzing_nummer)
                           WHERE r.municipality_code = $1 AND r.provider_agb = $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = contract.MunicipalityCode });
        command.Parameters.Add(new NpgsqlParameter { Value = contract.ProviderAgb });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Standard.Code()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.ToewijzingNummer).ToArray() });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private const string CareReportColumns = """
        standard, municipality_code, provider_agb, toewijzing_nummer, kind, begindatum, einddatum, reden_beeindiging, definitive,
        deleted, received_on, message_id
        """;

    public async Task AppendCareReportsAsync(IReadOnlyList<CareReport> reports, CancellationToken cancellationToken = default)
    {
        if (reports.Count == 0) return;
        await using var batch = dataSource.CreateBatch();
        foreach (var r in reports)
        {
            var command = new NpgsqlBatchCommand($"""
                INSERT INTO care_reports ({CareReportColumns})
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                ON CONFLICT DO NOTHING
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = r.Standard.Code() });
            command.Parameters.Add(new NpgsqlParameter { Value = r.MunicipalityCode });
            command.Parameters.Add(new NpgsqlParameter { Value = r.ProviderAgb });
            command.Parameters.Add(new NpgsqlParameter { Value = r.ToewijzingNummer });
            command.Parameters.Add(new NpgsqlParameter { Value = r.Kind == CareReportKind.Start ? "start" : "stop" });
            command.Parameters.Add(new NpgsqlParameter { Value = r.Begindatum });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)r.Einddatum ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)r.RedenBeeindiging ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = r.Definitive });
            command.Parameters.Add(new NpgsqlParameter { Value = r.Deleted });
            command.Parameters.Add(new NpgsqlParameter { Value = r.ReceivedOn });
            command.Parameters.Add(new NpgsqlParameter { Value = r.MessageId });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CareReport>> GetCareReportsForContractAsync(ContractKey contract, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {CareReportColumns}
            FROM care_reports
            WHERE municipality_code = $1 AND provider_agb = $2
            ORDER BY received_on, stored_at, message_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = contract.MunicipalityCode });
        command.Parameters.Add(new NpgsqlParameter { Value = contract.ProviderAgb });
        var reports = new List<CareReport>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reports.Add(new CareReport(
                Standard: StandardColumn.Parse(reader.GetString(0)),
                MunicipalityCode: reader.GetString(1),
                ProviderAgb: reader.GetString(2),
                ToewijzingNummer: reader.GetInt64(3),
                Kind: reader.GetString(4) == "start" ? CareReportKind.Start : CareReportKind.Stop,
                Begindatum: reader.GetFieldValue<DateOnly>(5),
                Einddatum: reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
                RedenBeeindiging: reader.IsDBNull(7) ? null : reader.GetString(7),
                Definitive: reader.GetBoolean(8),
                Deleted: reader.GetBoolean(9),
                ReceivedOn: reader.GetFieldValue<DateOnly>(10),
                MessageId: reader.GetString(11)));
        }
        return reports;
    }
}
