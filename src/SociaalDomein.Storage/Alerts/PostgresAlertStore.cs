using Npgsql;
using NpgsqlTypes;
using SociaalDomein.Monitoring.Alerts;

namespace SociaalDomein.Storage.Alerts;

/// <summary>Raised alerts in the <c>alerts</c> table, which doubles as the outbox for publishing them to Kafka.</summary>
public sealed class PostgresAlertStore(NpgsqlDataSource dataSource, TimeProvider? timeProvider = null) : IAlertStore
{
    private const string SelectColumns = """
        SELECT id, kind, severity, municipality_code, provider_agb, year, product_categorie, threshold_percent,
               declared_cents, ceiling_cents, triggering_message_id, description, raised_at
        FROM alerts
        """;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task RecordAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
            return;

        // Alerts come a few at a time: one batch of single-row inserts is one round trip and needs no temporary table.
        await using var batch = dataSource.CreateBatch();
        foreach (var alert in alerts)
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO alerts (id, kind, severity, municipality_code, provider_agb, year, product_categorie,
                                    threshold_percent, declared_cents, ceiling_cents, triggering_message_id, description, raised_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                ON CONFLICT (id) DO NOTHING
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = alert.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = alert.Kind });
            command.Parameters.Add(new NpgsqlParameter { Value = alert.Severity });
            command.Parameters.Add(new NpgsqlParameter { Value = alert.MunicipalityCode });
            command.Parameters.Add(new NpgsqlParameter { Value = alert.ProviderAgb });
            command.Parameters.Add(new NpgsqlParameter { Value = alert.Year });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)alert.ProductCategorie ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)alert.ThresholdPercent ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { Value = alert.DeclaredCents });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)alert.CeilingCents ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)alert.TriggeringMessageId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { Value = alert.Description });
            command.Parameters.Add(new NpgsqlParameter { Value = alert.RaisedAt.ToUniversalTime() });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Alert>> ReadUnpublishedAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var command = dataSource.CreateCommand($"{SelectColumns} WHERE published_at IS NULL ORDER BY raised_at, id LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter { Value = max });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task MarkPublishedAsync(IReadOnlyList<string> alertIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        if (alertIds.Count == 0)
            return;
        // Only the first publication counts: marking again (a retried publisher) keeps the original time.
        await using var command = dataSource.CreateCommand("UPDATE alerts SET published_at = $2 WHERE id = ANY($1) AND published_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = alertIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Alert>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"{SelectColumns} ORDER BY raised_at, id");
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<Alert>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(new Alert(
                Id: reader.GetString(0),
                Kind: reader.GetString(1),
                Severity: reader.GetString(2),
                MunicipalityCode: reader.GetString(3),
                ProviderAgb: reader.GetString(4),
                Year: reader.GetInt32(5),
                ProductCategorie: reader.IsDBNull(6) ? null : reader.GetString(6),
                ThresholdPercent: reader.IsDBNull(7) ? null : reader.GetInt32(7),
                DeclaredCents: reader.GetInt64(8),
                CeilingCents: reader.IsDBNull(9) ? null : reader.GetInt64(9),
                TriggeringMessageId: reader.IsDBNull(10) ? null : reader.GetString(10),
                Description: reader.GetString(11),
                RaisedAt: reader.GetFieldValue<DateTimeOffset>(12)));
        }
        return alerts;
    }
}
