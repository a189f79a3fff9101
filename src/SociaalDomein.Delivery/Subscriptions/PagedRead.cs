using Npgsql;
using NpgsqlTypes;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Delivery.Subscriptions;

/// <summary>A count and one page of the same filtered rows in a single round trip, for the subscription store and the delivery log.</summary>
internal static class PagedRead
{
    /// <param name="fromWhere">"FROM … WHERE …" with its one parameter as $1.</param>
    /// <param name="orderBy">A total order, so pages neither overlap nor skip rows.</param>
    public static async Task<Paged<T>> ReadAsync<T>(NpgsqlDataSource dataSource, string select, string fromWhere, string orderBy, string? parameter,
        Func<NpgsqlDataReader, T> map, int limit, long offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        await using var batch = dataSource.CreateBatch();
        var count = new NpgsqlBatchCommand($"SELECT count(*) {fromWhere}");
        count.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)parameter ?? DBNull.Value });
        var page = new NpgsqlBatchCommand($"SELECT {select} {fromWhere} ORDER BY {orderBy} LIMIT $2 OFFSET $3");
        page.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)parameter ?? DBNull.Value });
        page.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = limit });
        page.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = offset });
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) items.Add(map(reader));
        return new Paged<T>(items, total);
    }
}
