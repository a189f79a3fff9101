using Npgsql;
using NpgsqlTypes;
using SociaalDomein.Delivery.Subscriptions;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Delivery.Log;

/// <summary>
/// The delivery log in PostgreSQL (<c>alert_deliveries</c>): makes delivery idempotent per <see cref="DeliveryKey"/> and
/// records every attempt, so a restart continues counting attempts where it stopped.
/// </summary>
public sealed class DeliveryLog(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Claims <paramref name="key"/> for delivery: records it as pending if it is new and returns its state. A state that
    /// is delivered or failed means: already settled, send nothing.
    /// </summary>
    public async Task<(string Status, int Attempts)> BeginAsync(DeliveryKey key, string change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = dataSource.CreateCommand("""
            WITH inserted AS (
                INSERT INTO alert_deliveries (subscription_id, alert_id, revision, channel, change, status, attempts)
                VALUES ($1, $2, $3, $4, $5, 'pending', 0)
                ON CONFLICT DO NOTHING
                RETURNING status, attempts
            )
            SELECT status, attempts FROM inserted
            UNION ALL
            SELECT status, attempts FROM alert_deliveries
            WHERE subscription_id = $1 AND alert_id = $2 AND revision = $3 AND channel = $4
            LIMIT 1
            """);
        AddKey(command.Parameters, key);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = change });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException($"Delivery {key} was neither inserted nor found.");
        return (reader.GetString(0), reader.GetInt32(1));
    }

    /// <summary>Records one attempt: its number, the status it leaves the delivery in, and the error if it failed.</summary>
    public async Task RecordAttemptAsync(DeliveryKey key, int attempt, string status, string? error, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = dataSource.CreateCommand("""
            UPDATE alert_deliveries SET
                attempts = $5, status = $6, last_error = $7, last_attempt_at = $8,
                first_attempt_at = coalesce(first_attempt_at, $8),
                delivered_at = CASE WHEN $6 = 'delivered' THEN $8 END
            WHERE subscription_id = $1 AND alert_id = $2 AND revision = $3 AND channel = $4
            """);
        AddKey(command.Parameters, key);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = attempt });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = status });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)Truncate(error) ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = at.ToUniversalTime() });
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            throw new InvalidOperationException($"Delivery {key} is not in the log; begin it first.");
    }

    /// <summary>One page of a subscription's deliveries, the latest attempt first.</summary>
    public Task<Paged<DeliveryRecord>> GetPageAsync(string subscriptionId, int limit, long offset, CancellationToken cancellationToken = default) =>
        PagedRead.ReadAsync(dataSource, """
            subscription_id, alert_id, revision, channel, change, status, attempts, first_attempt_at, last_attempt_at, delivered_at, last_error
            """, "FROM alert_deliveries WHERE subscription_id = $1", "last_attempt_at DESC NULLS FIRST, alert_id, revision, channel", subscriptionId,
            reader => new DeliveryRecord(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetInt32(6), Moment(reader, 7), Moment(reader, 8), Moment(reader, 9),
                reader.IsDBNull(10) ? null : reader.GetString(10)),
            limit, offset, cancellationToken);

    private static DateTimeOffset? Moment(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static void AddKey(NpgsqlParameterCollection p, DeliveryKey key)
    {
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = key.SubscriptionId });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = key.AlertId });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = key.Revision });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = key.ChannelName });
    }

    private static string? Truncate(string? error) => error is { Length: > 1000 } ? error[..1000] : error;
}
