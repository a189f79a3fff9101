using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Orleans;
using Orleans.Runtime;

namespace SociaalDomein.Storage.Clustering;

/// <summary>
/// The Orleans membership table of one cluster, kept in <c>orleans_membership</c> and <c>orleans_membership_version</c>:
/// where silos find each other and agree on who is alive.
/// </summary>
/// <remarks>
/// <para>
/// Optimistic concurrency is the heart of the contract. A membership change (insert or update of a silo's row) names the
/// etag of the table version it read; the change and the new version are written in one transaction that first
/// replaces that etag, so of two silos that read the same version only the first one writes and the other gets
/// <see langword="false"/>, re-reads and decides again. An update also names its row's etag.
/// </para>
/// <para>
/// Heartbeats (<see cref="UpdateIAmAliveAsync"/>) touch neither etag: a silo's own liveness writes must not make another
/// silo's pending suspicion vote fail. Heartbeat times never move backwards, also not through a row update carrying an
/// older copy of the row.
/// </para>
/// <para>
/// A single SELECT reads one snapshot in PostgreSQL, so every read returns rows and version as they were at one moment.
/// </para>
/// </remarks>
public sealed class PostgresMembershipTable : IMembershipTable
{
    private const string Columns = """
        v.version, v.etag, m.address, m.port, m.generation, m.status, m.proxy_port, m.silo_name, m.host_name, m.role_name,
        m.update_zone, m.fault_zone, m.suspecting_silos, m.suspect_times, m.start_time, m.i_am_alive_time, m.etag
        """;

    /// <summary>What a read returns for a cluster whose version row was never created: a version no write can match.</summary>
    private static readonly TableVersion NoVersion = new(0, "");

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>A membership table for the cluster <paramref name="clusterId"/> (Orleans <c>ClusterOptions.ClusterId</c>).</summary>
    public PostgresMembershipTable(NpgsqlDataSource dataSource, string clusterId, ILogger<PostgresMembershipTable>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        _dataSource = dataSource;
        ClusterId = clusterId;
        _logger = logger ?? NullLogger<PostgresMembershipTable>.Instance;
    }

    /// <summary>The cluster whose rows this table reads and writes; other clusters' rows are invisible to it.</summary>
    public string ClusterId { get; }

    public async Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken = default)
    {
        // The schema itself comes from the migrations; here only the cluster's version row is created, once.
        await using var command = _dataSource.CreateCommand(tryInitTableVersion
            ? "INSERT INTO orleans_membership_version (cluster_id, version, etag) VALUES ($1, 0, gen_random_uuid()) ON CONFLICT (cluster_id) DO NOTHING"
            : "SELECT 1 FROM orleans_membership_version WHERE cluster_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        try
        {
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1 && tryInitTableVersion)
                _logger.LogInformation("Created the membership table version of Orleans cluster {ClusterId}", ClusterId);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw MembershipSchema.Missing(exception);
        }
    }

    public async Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        // The members go with their version row (ON DELETE CASCADE).
        await using var command = _dataSource.CreateCommand("DELETE FROM orleans_membership_version WHERE cluster_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken = default)
    {
        // "Last updated" is the latest of start, heartbeat and suspicion votes: a silo declared dead recently stays
        // visible for a while even when its last heartbeat is old. The table version is left alone: removing a dead
        // row changes nobody's view of who is alive.
        await using var command = _dataSource.CreateCommand("""
            DELETE FROM orleans_membership
            WHERE cluster_id = $1 AND status = 'Dead'
              AND GREATEST(start_time, i_am_alive_time, (SELECT max(vote) FROM unnest(suspect_times) AS vote)) < $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = beforeDate.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var removed = await command.ExecuteNonQueryAsync(cancellationToken);
        if (removed > 0)
            _logger.LogInformation("Removed {Count} defunct silo entries of Orleans cluster {ClusterId} last updated before {Before:O}",
                removed, ClusterId, beforeDate);
    }

    public async Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = _dataSource.CreateCommand($"""
            SELECT {Columns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m
                ON m.cluster_id = v.cluster_id AND m.address = $2 AND m.port = $3 AND m.generation = $4
            WHERE v.cluster_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        AddSiloKey(command, key);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT {Columns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.cluster_id = v.cluster_id
            WHERE v.cluster_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await TryAdvanceVersionAsync(connection, transaction, tableVersion, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return Refused("insert", entry, tableVersion, "the table version was changed by another writer");
        }

        await using var insert = new NpgsqlCommand("""
            INSERT INTO orleans_membership (cluster_id, address, port, generation, status, proxy_port, silo_name, host_name,
                role_name, update_zone, fault_zone, suspecting_silos, suspect_times, start_time, i_am_alive_time, etag)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, gen_random_uuid())
            ON CONFLICT (cluster_id, address, port, generation) DO NOTHING
            """, connection, transaction);
        AddEntry(insert, entry);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Refused("insert", entry, tableVersion, "the silo already has a row");
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        if (!Guid.TryParse(etag, out var rowEtag))
            return Refused("update", entry, tableVersion, $"row etag '{etag}' was not issued by this table");

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await TryAdvanceVersionAsync(connection, transaction, tableVersion, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return Refused("update", entry, tableVersion, "the table version was changed by another writer");
        }

        await using var update = new NpgsqlCommand("""
            UPDATE orleans_membership
            SET status = $5, proxy_port = $6, silo_name = $7, host_name = $8, role_name = $9, update_zone = $10,
                fault_zone = $11, suspecting_silos = $12, suspect_times = $13, start_time = $14,
                i_am_alive_time = GREATEST(i_am_alive_time, $15), etag = gen_random_uuid()
            WHERE cluster_id = $1 AND address = $2 AND port = $3 AND generation = $4 AND etag = $16
            """, connection, transaction);
        AddEntry(update, entry);
        update.Parameters.Add(new NpgsqlParameter { Value = rowEtag });
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Refused("update", entry, tableVersion, $"the silo has no row with etag {etag}");
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = _dataSource.CreateCommand("""
            UPDATE orleans_membership SET i_am_alive_time = GREATEST(i_am_alive_time, $5)
            WHERE cluster_id = $1 AND address = $2 AND port = $3 AND generation = $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        AddSiloKey(command, entry.SiloAddress);
        command.Parameters.Add(new NpgsqlParameter { Value = AsUtc(entry.IAmAliveTime), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        // A missing row is not an error here (the contract allows only infrastructure failures); the silo learns that it
        // was removed from its next table read.
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            _logger.LogDebug("Heartbeat of silo {Silo} in Orleans cluster {ClusterId} found no row", entry.SiloAddress, ClusterId);
    }

    // The token-less members are the interface's obsolete originals; Orleans 10 calls the Async ones above.
    Task IMembershipTable.InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion);

    Task IMembershipTable.DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId);

    Task IMembershipTable.CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate);

    Task<MembershipTableData> IMembershipTable.ReadRow(SiloAddress key) => ReadRowAsync(key);

    Task<MembershipTableData> IMembershipTable.ReadAll() => ReadAllAsync();

    Task<bool> IMembershipTable.InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion);

    Task<bool> IMembershipTable.UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => UpdateRowAsync(entry, etag, tableVersion);

    Task IMembershipTable.UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry);

    /// <summary>
    /// Replaces the table version the writer read (its etag) by the writer's new version and a fresh etag, taking the
    /// version row's lock until the transaction ends. A concurrent writer with the same etag waits for that lock and then
    /// finds the etag gone.
    /// </summary>
    private async Task<bool> TryAdvanceVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(tableVersion.VersionEtag, out var expectedEtag))
            return false;
        await using var command = new NpgsqlCommand("""
            UPDATE orleans_membership_version SET version = $2, etag = gen_random_uuid(), updated_at = now()
            WHERE cluster_id = $1 AND etag = $3 AND version < $2
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = tableVersion.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = expectedEtag });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private bool Refused(string operation, MembershipEntry entry, TableVersion tableVersion, string reason)
    {
        // Expected under contention: Orleans re-reads the table and tries again.
        _logger.LogDebug("Membership {Operation} of silo {Silo} at table version {Version} in Orleans cluster {ClusterId} refused: {Reason}",
            operation, entry.SiloAddress, tableVersion, ClusterId, reason);
        return false;
    }

    private static async Task<MembershipTableData> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        TableVersion? version = null;
        var members = new List<Tuple<MembershipEntry, string>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            version ??= new TableVersion(reader.GetInt32(0), reader.GetGuid(1).ToString());
            if (!await reader.IsDBNullAsync(2, cancellationToken))
                members.Add(Tuple.Create(ReadEntry(reader), reader.GetGuid(16).ToString()));
        }
        return new MembershipTableData(members, version ?? NoVersion);
    }

    private static MembershipEntry ReadEntry(NpgsqlDataReader reader)
    {
        var suspectingSilos = reader.GetFieldValue<string[]>(12);
        var suspectTimes = reader.GetFieldValue<DateTime[]>(13);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(reader.GetFieldValue<IPAddress>(2), reader.GetInt32(3)), reader.GetInt32(4)),
            Status = Enum.Parse<SiloStatus>(reader.GetString(5)),
            ProxyPort = reader.GetInt32(6),
            SiloName = reader.IsDBNull(7) ? null! : reader.GetString(7),
            HostName = reader.IsDBNull(8) ? null! : reader.GetString(8),
            RoleName = reader.IsDBNull(9) ? null! : reader.GetString(9),
            UpdateZone = reader.GetInt32(10),
            FaultZone = reader.GetInt32(11),
            SuspectTimes = suspectingSilos
                .Zip(suspectTimes, (silo, time) => Tuple.Create(SiloAddress.FromParsableString(silo), time))
                .ToList(),
            StartTime = reader.GetDateTime(14),
            IAmAliveTime = reader.GetDateTime(15),
        };
    }

    /// <summary>Parameters $2, $3, $4: the silo's address, port and generation.</summary>
    private static void AddSiloKey(NpgsqlCommand command, SiloAddress silo)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = silo.Endpoint.Address, NpgsqlDbType = NpgsqlDbType.Inet });
        command.Parameters.Add(new NpgsqlParameter { Value = silo.Endpoint.Port });
        command.Parameters.Add(new NpgsqlParameter { Value = silo.Generation });
    }

    /// <summary>Parameters $1 to $15: the cluster and every column of the entry, in table order.</summary>
    private void AddEntry(NpgsqlCommand command, MembershipEntry entry)
    {
        var votes = entry.SuspectTimes ?? [];
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        AddSiloKey(command, entry.SiloAddress);
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Status.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.ProxyPort });
        command.Parameters.Add(Text(entry.SiloName));
        command.Parameters.Add(Text(entry.HostName));
        command.Parameters.Add(Text(entry.RoleName));
        command.Parameters.Add(new NpgsqlParameter { Value = entry.UpdateZone });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.FaultZone });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = votes.Select(vote => vote.Item1.ToParsableString()).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
        });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = votes.Select(vote => AsUtc(vote.Item2)).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
        command.Parameters.Add(new NpgsqlParameter { Value = AsUtc(entry.StartTime), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = AsUtc(entry.IAmAliveTime), NpgsqlDbType = NpgsqlDbType.TimestampTz });
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = value is null ? DBNull.Value : value, NpgsqlDbType = NpgsqlDbType.Text };

    /// <summary>Orleans writes UTC times; one without a kind is taken as UTC, since timestamptz needs to know.</summary>
    private static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
