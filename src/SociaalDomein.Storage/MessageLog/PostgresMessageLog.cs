using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using SociaalDomein.Monitoring.Ingestion;

namespace SociaalDomein.Storage.MessageLog;

/// <summary>
/// The log of consumed Kafka records in the <c>message_log</c> table, one row per source position. The worker's lanes
/// log records concurrently; rows that arrive while a write is in flight go together in the next one (group commit),
/// so under load one INSERT carries many records instead of one round trip each, and a lone record is written at once.
/// A record's call returns only when its row is durable.
/// </summary>
/// <remarks>
/// Tracing stays exact under group commit: each call is a <see cref="StorageTelemetry.Spans.MessageLogRecord"/> span in
/// its record's trace; each INSERT is a <see cref="StorageTelemetry.Spans.MessageLogWrite"/> span (parent of Npgsql's
/// span) linked to every record span whose row it carried, and each record span links back to the write that carried
/// its row. The write is a child of the record whose caller ran it, or a root when rows left behind are written on the
/// thread pool.
/// </remarks>
public sealed class PostgresMessageLog(NpgsqlDataSource dataSource) : IMessageLog
{
    /// <summary>Most rows in one INSERT: bounds a statement's parameter arrays.</summary>
    private const int MaxRowsPerWrite = 1_000;

    // A record consumed again after a crash keeps its first entry.
    private const string InsertRows = """
        INSERT INTO message_log (source_topic, source_partition, source_offset, status, message_id, standard, message_type,
                                 municipality_code, provider_agb, line_count, reason, rule, element)
        SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::int[],
                             $8::text[], $9::text[], $10::int[], $11::text[], $12::text[], $13::text[])
        ON CONFLICT (source_topic, source_partition, source_offset) DO NOTHING
        """;

    private readonly ConcurrentQueue<Pending> _pending = new();
    private int _writing;

    public Task RecordAcceptedAsync(SourcePosition source, string messageId, string standard, int messageType, string municipalityCode,
        string providerAgb, int lineCount, CancellationToken cancellationToken = default) =>
        LogAsync(new Row(source, "accepted", messageId, standard, messageType, municipalityCode, providerAgb, lineCount, null, null, null),
            cancellationToken);

    public Task RecordDeadLetteredAsync(SourcePosition source, string reason, string rule, string element, CancellationToken cancellationToken = default) =>
        LogAsync(new Row(source, "dead_lettered", null, null, null, null, null, null, reason, rule, element), cancellationToken);

    public async Task<MessageCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        // Accepted counts messages, not records: the same message published twice is one message.
        await using var command = dataSource.CreateCommand("""
            SELECT count(DISTINCT message_id) FILTER (WHERE status = 'accepted'),
                   count(*) FILTER (WHERE status = 'dead_lettered')
            FROM message_log
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new MessageCounts(Accepted: reader.GetInt64(0), DeadLettered: reader.GetInt64(1));
    }

    private async Task LogAsync(Row row, CancellationToken cancellationToken)
    {
        using var span = StorageTelemetry.Source.StartActivity(StorageTelemetry.Spans.MessageLogRecord);
        var pending = new Pending(row, new TaskCompletionSource<ActivityContext>(TaskCreationOptions.RunContinuationsAsynchronously),
            span?.Context ?? default);
        _pending.Enqueue(pending);
        // A caller that finds no write in flight writes itself, in its own context: a record logged alone is written
        // inside its own trace. Rows queued meanwhile by others go with it (linked to their record spans).
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0) await WriteWhilePendingAsync();
        // A caller that stops waiting may still find its row written (the write is idempotent).
        // The write that carried the row, unless it is this span's own child (then it is already in this trace).
        var write = await pending.Written.Task.WaitAsync(cancellationToken);
        if (span is not null && write != default) span.AddLink(new ActivityLink(write));
    }

    /// <summary>For rows left behind when a writer stopped: written on the thread pool, as a trace of its own.</summary>
    private void StartWriterIfIdle()
    {
        if (Interlocked.CompareExchange(ref _writing, 1, 0) != 0) return;
        using (ExecutionContext.SuppressFlow())
            _ = Task.Run(WriteWhilePendingAsync);
    }

    private async Task WriteWhilePendingAsync()
    {
        try
        {
            var batch = new List<Pending>();
            while (true)
            {
                batch.Clear();
                while (batch.Count < MaxRowsPerWrite && _pending.TryDequeue(out var next)) batch.Add(next);
                if (batch.Count == 0) break;
                await WriteAsync(batch);
            }
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
            // A row enqueued after the last look but before the flag was cleared would otherwise wait for the next caller.
            if (!_pending.IsEmpty) StartWriterIfIdle();
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        // The write is the child of the calling record's span when it carries that record's row; a write carrying only
        // others' rows (a caller writing on, or the thread pool) is a trace of its own. Activity.Current set here
        // stays in this method's flow.
        var caller = Activity.Current;
        var carriesCaller = caller is not null && batch.Any(p => p.Record == caller.Context);
        if (!carriesCaller) Activity.Current = null;
        bool IsCaller(Pending p) => carriesCaller && p.Record == caller!.Context;
        using var write = StorageTelemetry.Source.StartActivity(StorageTelemetry.Spans.MessageLogWrite, ActivityKind.Internal,
            carriesCaller ? caller!.Context : default,
            links: batch.Where(p => p.Record != default && !IsCaller(p)).Select(p => new ActivityLink(p.Record)));
        write?.SetTag(StorageTelemetry.Tags.Rows, batch.Count);
        var written = write?.Context ?? default;
        ActivityContext LinkFor(Pending p) => p.Record == default || IsCaller(p) ? default : written;
        try
        {
            await InsertAsync(batch.Select(p => p.Row).ToList());
            foreach (var p in batch) p.Written.TrySetResult(LinkFor(p));
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One bad row must not fail the others: write them one by one, each failing (and retried by its caller) alone.
            foreach (var p in batch)
            {
                try
                {
                    await InsertAsync([p.Row]);
                    p.Written.TrySetResult(LinkFor(p));
                }
                catch (Exception single)
                {
                    p.Written.TrySetException(single);
                }
            }
        }
        catch (Exception e)
        {
            batch[0].Written.TrySetException(e);
        }
    }

    private async Task InsertAsync(IReadOnlyList<Row> rows)
    {
        await using var command = dataSource.CreateCommand(InsertRows);
        Add(command, NpgsqlDbType.Text, rows.Select(r => r.Source.Topic));
        Add(command, NpgsqlDbType.Integer, rows.Select(r => r.Source.Partition));
        Add(command, NpgsqlDbType.Bigint, rows.Select(r => r.Source.Offset));
        Add(command, NpgsqlDbType.Text, rows.Select(r => r.Status));
        Add(command, NpgsqlDbType.Text, rows.Select(r => r.MessageId));
        Add(command, NpgsqlDbType.Text, rows.Select(r => r.Standard));
        Add(command, NpgsqlDbType.Integer, rows.Select(r => r.MessageType));
        Add(command, NpgsqlDbType.Text, rows.Select(r => r.MunicipalityCode));
        Add(command, NpgsqlDbType.Text, rows.Select(r => r.ProviderAgb));
        Add(command, NpgsqlDbType.Integer, rows.Select(r => r.LineCount));
        Add(command, NpgsqlDbType.Text, rows.Select(r => r.Reason));
        Add(command, NpgsqlDbType.Text, rows.Select(r => r.Rule));
        Add(command, NpgsqlDbType.Text, rows.Select(r => r.Element));
        await command.ExecuteNonQueryAsync();
    }

    private static void Add<T>(NpgsqlCommand command, NpgsqlDbType elementType, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values.ToArray() });

    private sealed record Row(SourcePosition Source, string Status, string? MessageId, string? Standard, int? MessageType,
        string? MunicipalityCode, string? ProviderAgb, int? LineCount, string? Reason, string? Rule, string? Element);

    /// <param name="Record">The record span of the call, or default when nothing listens.</param>
    private sealed record Pending(Row Row, TaskCompletionSource<ActivityContext> Written, ActivityContext Record);
}
