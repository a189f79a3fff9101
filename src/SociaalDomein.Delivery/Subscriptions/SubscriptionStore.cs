using Npgsql;
using NpgsqlTypes;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Delivery.Subscriptions;

/// <summary>Subscriptions in PostgreSQL (<c>alert_subscriptions</c>): written by the API, read by the delivery worker.</summary>
public sealed class SubscriptionStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id, name, owner_key_id, municipalities, providers, kinds, min_severity, webhook_url, webhook_secret, email, active";

    /// <summary>Adds a subscription; false when one with its id exists already (nothing is changed then).</summary>
    public async Task<bool> CreateAsync(Subscription subscription, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO alert_subscriptions ({Columns}, created_at, updated_at, updated_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13)
            ON CONFLICT (id) DO NOTHING
            """);
        AddValues(command.Parameters, subscription);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = at.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = by });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Replaces a subscription's settings; false when there is none with its id. A null webhook secret keeps the stored
    /// one (so an admin need not send it again), unless the webhook is removed.
    /// </summary>
    public async Task<bool> ReplaceAsync(Subscription subscription, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var command = dataSource.CreateCommand("""
            UPDATE alert_subscriptions SET
                name = $2, owner_key_id = $3, municipalities = $4, providers = $5, kinds = $6, min_severity = $7,
                webhook_url = $8, webhook_secret = CASE WHEN $8 IS NULL THEN NULL ELSE coalesce($9, webhook_secret) END,
                email = $10, active = $11, updated_at = $12, updated_by = $13
            WHERE id = $1
            """);
        AddValues(command.Parameters, subscription);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = at.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = by });
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
        {
            // A webhook URL without any secret, stored or sent: the caller checks this first; the table guards it too.
            throw new InvalidOperationException($"Subscription {subscription.Id}: a webhook needs a secret.", e);
        }
    }

    public async Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM alert_subscriptions WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>One page of subscriptions by id; only those of <paramref name="ownerKeyId"/> when it is given.</summary>
    public Task<Paged<Subscription>> GetPageAsync(string? ownerKeyId, int limit, long offset, CancellationToken cancellationToken = default) =>
        PagedRead.ReadAsync(dataSource, Columns, "FROM alert_subscriptions WHERE ($1::text IS NULL OR owner_key_id = $1)", "id", ownerKeyId,
            Read, limit, offset, cancellationToken);

    /// <summary>Every active subscription: what the delivery worker matches each alert against.</summary>
    public async Task<IReadOnlyList<Subscription>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM alert_subscriptions WHERE active ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<Subscription>();
        while (await reader.ReadAsync(cancellationToken)) items.Add(Read(reader));
        return items;
    }

    private static void AddValues(NpgsqlParameterCollection p, Subscription s)
    {
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = s.Id });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = s.Name });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)s.OwnerKeyId ?? DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = s.Municipalities.ToArray() });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = s.Providers.ToArray() });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = s.Kinds.ToArray() });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = s.MinSeverity });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)s.WebhookUrl ?? DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)s.WebhookSecret ?? DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)s.Email ?? DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Boolean, Value = s.Active });
    }

    private static Subscription Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
        r.GetFieldValue<string[]>(3), r.GetFieldValue<string[]>(4), r.GetFieldValue<string[]>(5), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9),
        r.GetBoolean(10));
}
