using Npgsql;
using NpgsqlTypes;
using SociaalDomein.Monitoring.Ingestion;

namespace SociaalDomein.Storage.MessageLog;

/// <summary>The log of consumed Kafka records in the <c>message_log</c> table, one row per source position.</summary>
public sealed class PostgresMessageLog(NpgsqlDataSource dataSource) : IMessageLog
{
    public async Task RecordAcceptedAsync(SourcePosition source, string messageId, string standard, int messageType, string municipalityCode,
        string providerAgb, int lineCount, CancellationToken cancellationToken = default)
    {
        // A record consumed again after a crash keeps its first entry.
        await using var command = dataSource.CreateCommand("""
            INSERT INTO message_log (source_topic, source_partition, source_offset, status, message_id, standard, message_type,
                                     municipality_code, provider_agb, line_count)
            VALUES ($1, $2, $3, 'accepted', $4, $5, $6, $7, $8, $9)
            ON CONFLICT (source_topic, source_partition, source_offset) DO NOTHING
            """);
        AddSource(command, source);
        command.Parameters.Add(new NpgsqlParameter { Value = messageId });
        command.Parameters.Add(new NpgsqlParameter { Value = standard });
        command.Parameters.Add(new NpgsqlParameter { Value = messageType });
        command.Parameters.Add(new NpgsqlParameter { Value = municipalityCode });
        command.Parameters.Add(new NpgsqlParameter { Value = providerAgb });
        command.Parameters.Add(new NpgsqlParameter { Value = lineCount });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordDeadLetteredAsync(SourcePosition source, string reason, string rule, string element, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO message_log (source_topic, source_partition, source_offset, status, reason, rule, element)
            VALUES ($1, $2, $3, 'dead_lettered', $4, $5, $6)
            ON CONFLICT (source_topic, source_partition, source_offset) DO NOTHING
            """);
        AddSource(command, source);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = reason });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = rule });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = element });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

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

    private static void AddSource(NpgsqlCommand command, SourcePosition source)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = source.Topic });
        command.Parameters.Add(new NpgsqlParameter { Value = source.Partition });
        command.Parameters.Add(new NpgsqlParameter { Value = source.Offset });
    }
}
