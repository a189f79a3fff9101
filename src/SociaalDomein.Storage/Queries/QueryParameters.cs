using Npgsql;
using NpgsqlTypes;

namespace SociaalDomein.Storage.Queries;

/// <summary>Typed parameters for optional filters: a null value must still carry its type, or PostgreSQL cannot plan "$1 IS NULL".</summary>
internal static class QueryParameters
{
    public static void AddText(this NpgsqlParameterCollection parameters, string? value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value });

    public static void AddTextArray(this NpgsqlParameterCollection parameters, IReadOnlyCollection<string>? values) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = (object?)values?.ToArray() ?? DBNull.Value });

    public static void AddDate(this NpgsqlParameterCollection parameters, DateOnly? value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = (object?)value ?? DBNull.Value });

    public static void AddInteger(this NpgsqlParameterCollection parameters, int? value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)value ?? DBNull.Value });

    public static void AddBigint(this NpgsqlParameterCollection parameters, long? value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)value ?? DBNull.Value });

    public static void AddTimestamp(this NpgsqlParameterCollection parameters, DateTimeOffset? value) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)value?.ToUniversalTime() ?? DBNull.Value });
}
