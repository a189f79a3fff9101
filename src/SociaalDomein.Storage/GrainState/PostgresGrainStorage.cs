using System.Globalization;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace SociaalDomein.Storage.GrainState;

/// <summary>
/// Orleans grain storage in the <c>grain_state</c> table, with optimistic concurrency on a version number (the ETag).
/// </summary>
/// <remarks>
/// A write names the version it read and increments it; a write against another version, or a first write for a state
/// that already exists, throws <see cref="InconsistentStateException"/>, so a stale duplicate activation cannot
/// overwrite newer state. Clearing keeps the row with a NULL state and a new version rather than deleting it, so the
/// versions of one state never repeat.
/// </remarks>
public sealed class PostgresGrainStorage(
    string storageName,
    NpgsqlDataSource dataSource,
    IGrainStorageSerializer serializer,
    IActivatorProvider activatorProvider) : IGrainStorage
{
    /// <summary>The provider name this instance was registered under.</summary>
    public string Name { get; } = storageName;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT state, etag FROM grain_state WHERE grain_type = $1 AND grain_id = $2 AND state_name = $3");
        AddKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.State = activatorProvider.GetActivator<T>().Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var etag = reader.GetInt64(1);
        if (await reader.IsDBNullAsync(0))
        {
            grainState.State = activatorProvider.GetActivator<T>().Create();
            grainState.RecordExists = false;
        }
        else
        {
            var bytes = await reader.GetFieldValueAsync<byte[]>(0);
            grainState.State = serializer.Deserialize<T>(BinaryData.FromBytes(bytes));
            grainState.RecordExists = true;
        }
        grainState.ETag = FormatEtag(etag);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = serializer.Serialize(grainState.State).ToMemory();
        var expected = ParseEtag(grainState.ETag, stateName, grainId);

        await using var command = expected is null
            ? dataSource.CreateCommand("""
                INSERT INTO grain_state (grain_type, grain_id, state_name, state, etag) VALUES ($1, $2, $3, $4, 1)
                ON CONFLICT (grain_type, grain_id, state_name) DO NOTHING
                RETURNING etag
                """)
            : dataSource.CreateCommand("""
                UPDATE grain_state SET state = $4, etag = etag + 1, updated_at = now()
                WHERE grain_type = $1 AND grain_id = $2 AND state_name = $3 AND etag = $5
                RETURNING etag
                """);
        AddKey(command, stateName, grainId);
        command.Parameters.Add(new NpgsqlParameter { Value = state });
        if (expected is { } version)
            command.Parameters.Add(new NpgsqlParameter { Value = version });

        var written = await command.ExecuteScalarAsync();
        if (written is not long newVersion)
            throw await ConflictAsync("write", stateName, grainId, grainState.ETag);

        grainState.ETag = FormatEtag(newVersion);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = ParseEtag(grainState.ETag, stateName, grainId);
        if (expected is null)
        {
            // Never written as far as this activation knows: fine if that is still true.
            if (await StoredVersionAsync(stateName, grainId) is not null)
                throw await ConflictAsync("clear", stateName, grainId, grainState.ETag);
            grainState.RecordExists = false;
            return;
        }

        await using var command = dataSource.CreateCommand("""
            UPDATE grain_state SET state = NULL, etag = etag + 1, updated_at = now()
            WHERE grain_type = $1 AND grain_id = $2 AND state_name = $3 AND etag = $4
            RETURNING etag
            """);
        AddKey(command, stateName, grainId);
        command.Parameters.Add(new NpgsqlParameter { Value = expected.Value });
        if (await command.ExecuteScalarAsync() is not long newVersion)
            throw await ConflictAsync("clear", stateName, grainId, grainState.ETag);

        grainState.ETag = FormatEtag(newVersion);
        grainState.RecordExists = false;
    }

    private static void AddKey(NpgsqlCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type.ToString()! });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key.ToString()! });
        command.Parameters.Add(new NpgsqlParameter { Value = stateName });
    }

    private async Task<long?> StoredVersionAsync(string stateName, GrainId grainId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT etag FROM grain_state WHERE grain_type = $1 AND grain_id = $2 AND state_name = $3");
        AddKey(command, stateName, grainId);
        return await command.ExecuteScalarAsync() as long?;
    }

    private async Task<InconsistentStateException> ConflictAsync(string operation, string stateName, GrainId grainId, string? currentEtag)
    {
        var stored = await StoredVersionAsync(stateName, grainId);
        return new InconsistentStateException(
            $"Version conflict on {operation} of state '{stateName}' of grain {grainId} in grain storage '{Name}': " +
            $"it was read at version {currentEtag ?? "(none)"} but is stored at version {FormatEtag(stored) ?? "(none)"}.",
            storedEtag: FormatEtag(stored),
            currentEtag: currentEtag);
    }

    private static string? FormatEtag(long? version) => version?.ToString(CultureInfo.InvariantCulture);

    private static long? ParseEtag(string? etag, string stateName, GrainId grainId)
    {
        if (etag is null)
            return null;
        return long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException(
                $"ETag '{etag}' of state '{stateName}' of grain {grainId} is not a version written by PostgresGrainStorage.",
                storedEtag: null, currentEtag: etag);
    }
}
