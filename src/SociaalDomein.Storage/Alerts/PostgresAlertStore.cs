using Npgsql;
using NpgsqlTypes;
using SociaalDomein.Monitoring.Alerts;
using SociaalDomein.Monitoring.Rules.Lifecycle;

namespace SociaalDomein.Storage.Alerts;

/// <summary>
/// Alerts in PostgreSQL: <c>alerts</c> holds the current state of each alert id, <c>alert_events</c> every change,
/// doubling as the outbox for publishing changes to Kafka.
/// </summary>
public sealed class PostgresAlertStore(NpgsqlDataSource dataSource, TimeProvider? timeProvider = null) : IAlertStore
{
    private const string AlertColumns = """
        a.id, a.kind, a.severity, a.municipality_code, a.provider_agb, a.year, a.product_categorie, a.threshold_percent,
        a.declared_cents, a.ceiling_cents, a.triggering_message_id, a.description, coalesce(a.resolved_at, a.updated_at, a.raised_at),
        CASE WHEN a.status = 'resolved' THEN 'resolved' WHEN a.revision > 1 THEN 'updated' ELSE 'raised' END, a.revision,
        a.figure_actual, a.figure_limit, a.figure_unit, a.figure_basis
        """;

    private const string EventColumns = """
        a.id, a.kind, e.severity, a.municipality_code, a.provider_agb, a.year, a.product_categorie, a.threshold_percent,
        e.declared_cents, e.ceiling_cents, e.triggering_message_id, e.description, e.occurred_at, e.change, e.revision,
        e.figure_actual, e.figure_limit, e.figure_unit, e.figure_basis, e.seq
        """;

    // One statement per change: the alert's current row is created, or moved to the change's revision when that is newer,
    // and only then is the change stored as an event. A replayed change finds the row at its revision and touches nothing.
    private const string ApplyChange = """
        WITH upsert AS (
            INSERT INTO alerts AS a (id, kind, severity, municipality_code, provider_agb, year, product_categorie, threshold_percent,
                                declared_cents, ceiling_cents, triggering_message_id, description, raised_at, status, revision,
                                figure_actual, figure_limit, figure_unit, figure_basis, updated_at, resolved_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CASE WHEN $15 = 'resolved' THEN 'resolved' ELSE 'open' END, $14,
                    $16, $17, $18, $19, CASE WHEN $15 = 'updated' THEN $13 END, CASE WHEN $15 = 'resolved' THEN $13 END)
            ON CONFLICT (id) DO UPDATE SET
                severity = excluded.severity, declared_cents = excluded.declared_cents, ceiling_cents = excluded.ceiling_cents,
                triggering_message_id = coalesce(excluded.triggering_message_id, a.triggering_message_id), description = excluded.description,
                status = excluded.status, revision = excluded.revision, figure_actual = excluded.figure_actual,
                figure_limit = excluded.figure_limit, figure_unit = excluded.figure_unit, figure_basis = excluded.figure_basis,
                updated_at = $13, resolved_at = excluded.resolved_at
            WHERE a.revision < excluded.revision
            RETURNING id
        ),
        event AS (
            INSERT INTO alert_events (alert_id, revision, change, severity, declared_cents, ceiling_cents, figure_actual, figure_limit,
                                      figure_unit, figure_basis, triggering_message_id, description, occurred_at)
            SELECT $1, $14, $15, $3, $9, $10, $16, $17, $18, $19, $11, $12, $13
            WHERE EXISTS (SELECT 1 FROM upsert)
            ON CONFLICT (alert_id, revision) DO NOTHING
            RETURNING alert_id
        )
        SELECT count(*) FROM event
        """;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task RecordAsync(IReadOnlyList<Alert> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
            return;

        // Changes come a few at a time: one batch in one transaction is one round trip.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var alert in changes)
        {
            var command = new NpgsqlBatchCommand(ApplyChange);
            var p = command.Parameters;
            p.Add(new NpgsqlParameter { Value = alert.Id });
            p.Add(new NpgsqlParameter { Value = alert.Kind });
            p.Add(new NpgsqlParameter { Value = alert.Severity });
            p.Add(new NpgsqlParameter { Value = alert.MunicipalityCode });
            p.Add(new NpgsqlParameter { Value = alert.ProviderAgb });
            p.Add(new NpgsqlParameter { Value = alert.Year });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)alert.ProductCategorie ?? DBNull.Value });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)alert.ThresholdPercent ?? DBNull.Value });
            p.Add(new NpgsqlParameter { Value = alert.DeclaredCents });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)alert.CeilingCents ?? DBNull.Value });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)alert.TriggeringMessageId ?? DBNull.Value });
            p.Add(new NpgsqlParameter { Value = alert.Description });
            p.Add(new NpgsqlParameter { Value = alert.RaisedAt.ToUniversalTime() });
            p.Add(new NpgsqlParameter { Value = alert.Revision });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = alert.Change });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)alert.Figures?.Actual ?? DBNull.Value });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)alert.Figures?.Limit ?? DBNull.Value });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)alert.Figures?.Unit ?? DBNull.Value });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)alert.Figures?.Basis ?? DBNull.Value });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlertEvent>> ReadUnpublishedAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var command = dataSource.CreateCommand($"""
            SELECT {EventColumns}
            FROM alert_events AS e JOIN alerts AS a ON a.id = e.alert_id
            WHERE e.published_at IS NULL
            ORDER BY e.seq
            LIMIT $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = max });
        var events = new List<AlertEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            events.Add(new AlertEvent(reader.GetInt64(19), Read(reader)));
        return events;
    }

    public async Task MarkPublishedAsync(IReadOnlyList<long> eventSequences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventSequences);
        if (eventSequences.Count == 0)
            return;
        // Only the first publication counts: marking again (a retried publisher) keeps the original time.
        await using var command = dataSource.CreateCommand("UPDATE alert_events SET published_at = $2 WHERE seq = ANY($1) AND published_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = eventSequences.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Alert>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {AlertColumns} FROM alerts AS a ORDER BY a.raised_at, a.id");
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            alerts.Add(Read(reader));
        return alerts;
    }

    private static Alert Read(NpgsqlDataReader reader) => new(
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
        RaisedAt: reader.GetFieldValue<DateTimeOffset>(12),
        Change: reader.GetString(13),
        Revision: reader.GetInt32(14),
        Figures: reader.IsDBNull(15) ? null : new AlertFigures(reader.GetInt64(15), reader.GetInt64(16), reader.GetString(17),
            reader.IsDBNull(18) ? null : reader.GetString(18)));
}
