using Npgsql;
using NpgsqlTypes;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Storage.Traffic;

/// <summary>The answers the message traffic waits for, in PostgreSQL (table <c>awaited_answers</c>).</summary>
public sealed class PostgresAwaitedAnswerStore(NpgsqlDataSource dataSource) : IAwaitedAnswerStore
{
    private const string Columns = "rule, reference, start_day, message_id, answered_on, answer_message_id";

    // least() ignores NULLs: the earliest answer wins, and a half without an answer leaves a stored answer alone.
    private const string Upsert = $"""
        INSERT INTO awaited_answers AS w (municipality_code, provider_agb, {Columns})
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (municipality_code, provider_agb, rule, reference) DO UPDATE SET
            start_day = coalesce(w.start_day, excluded.start_day),
            message_id = coalesce(w.message_id, excluded.message_id),
            answered_on = least(w.answered_on, excluded.answered_on),
            answer_message_id = CASE WHEN w.answered_on IS NULL OR excluded.answered_on < w.answered_on
                                     THEN coalesce(excluded.answer_message_id, w.answer_message_id) ELSE w.answer_message_id END
        RETURNING {Columns}
        """;

    public async Task<IReadOnlyList<AwaitedAnswer>> RecordAsync(ContractKey contract, IReadOnlyList<AwaitedAnswer> halves,
        CancellationToken cancellationToken = default)
    {
        if (halves.Count == 0) return [];
        await using var batch = dataSource.CreateBatch();
        foreach (var half in halves)
        {
            var command = new NpgsqlBatchCommand(Upsert);
            command.Parameters.Add(new NpgsqlParameter { Value = contract.MunicipalityCode });
            command.Parameters.Add(new NpgsqlParameter { Value = contract.ProviderAgb });
            command.Parameters.Add(new NpgsqlParameter { Value = AwaitedAnswer.RuleKey(half.Rule) });
            command.Parameters.Add(new NpgsqlParameter { Value = half.Reference });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)half.StartDay ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)half.MessageId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)half.AnsweredOn ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)half.AnswerMessageId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            batch.BatchCommands.Add(command);
        }
        var rows = new List<AwaitedAnswer>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken)) rows.Add(Read(reader));
        } while (await reader.NextResultAsync(cancellationToken));
        return rows;
    }

    public async Task<IReadOnlyList<AwaitedAnswer>> GetOpenAsync(ContractKey contract, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM awaited_answers
            WHERE municipality_code = $1 AND provider_agb = $2 AND answered_on IS NULL AND start_day IS NOT NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = contract.MunicipalityCode });
        command.Parameters.Add(new NpgsqlParameter { Value = contract.ProviderAgb });
        var rows = new List<AwaitedAnswer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(Read(reader));
        return rows;
    }

    private static AwaitedAnswer Read(NpgsqlDataReader reader) => new(
        AwaitedAnswer.ParseRule(reader.GetString(0)),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
        reader.IsDBNull(5) ? null : reader.GetString(5));
}
