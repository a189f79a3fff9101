using Npgsql;

namespace SociaalDomein.Storage.Queries;

/// <summary>Runs a count and one page of the same filtered query in a single round trip.</summary>
internal static class PagedQuery
{
    /// <param name="fromWhere">"FROM … WHERE …" shared by both statements; its parameters are $1…$n.</param>
    /// <param name="select">The select list of the page.</param>
    /// <param name="orderBy">A total order, so pages neither overlap nor skip rows.</param>
    /// <param name="parameters">Adds $1…$n; called once per statement.</param>
    public static async Task<Paged<T>> ReadAsync<T>(
        NpgsqlDataSource dataSource,
        string select,
        string fromWhere,
        string orderBy,
        Action<NpgsqlParameterCollection> parameters,
        Func<NpgsqlDataReader, T> map,
        int limit,
        long offset,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);

        await using var batch = dataSource.CreateBatch();
        var count = new NpgsqlBatchCommand($"SELECT count(*) {fromWhere}");
        parameters(count.Parameters);
        var page = new NpgsqlBatchCommand($"SELECT {select} {fromWhere} ORDER BY {orderBy} LIMIT {limit} OFFSET {offset}");
        parameters(page.Parameters);
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<T>(Math.Min(limit, 1024));
        while (await reader.ReadAsync(cancellationToken))
            items.Add(map(reader));
        return new Paged<T>(items, total);
    }
}
