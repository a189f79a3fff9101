using Npgsql;

namespace SociaalDomein.LoadTests.Measurement;

/// <summary>Records and declaration lines made durable in one time bucket (seconds since the measured phase began).</summary>
public sealed record ThroughputBucket(double FromSeconds, long Records, long Lines, double LinesPerSecond);

/// <summary>
/// Throughput over time from the message log, as the database saw it: a record's <c>message_log</c> row is written
/// once the record is durable (ledger, daily totals, grain state), with <c>logged_at</c> = the time of that write's
/// transaction. Each source position has one row, so a record a killed worker processed and its successor processed
/// again counts once.
/// </summary>
public static class ThroughputSeries
{
    public static async Task<IReadOnlyList<ThroughputBucket>> ReadAsync(NpgsqlDataSource dataSource, DateTimeOffset start, TimeSpan bucket,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT floor(extract(epoch FROM logged_at - $1) / $2)::int AS bucket, count(*), coalesce(sum(line_count), 0)::bigint
            FROM message_log WHERE logged_at >= $1 GROUP BY 1 ORDER BY 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = start.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = bucket.TotalSeconds });
        var rows = new Dictionary<int, (long Records, long Lines)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) rows[reader.GetInt32(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }
        if (rows.Count == 0) return [];
        // Empty buckets stay in the series: a stall is what a kill looks like.
        return Enumerable.Range(0, rows.Keys.Max() + 1).Select(i =>
        {
            var (records, lines) = rows.GetValueOrDefault(i);
            return new ThroughputBucket(i * bucket.TotalSeconds, records, lines, Math.Round(lines / bucket.TotalSeconds, 1));
        }).ToList();
    }

    /// <summary>Lines (or, with <paramref name="count"/>, records) per second between two instants (seconds since start), buckets pro rata.</summary>
    public static double? Rate(IReadOnlyList<ThroughputBucket> series, double bucketSeconds, double from, double to,
        Func<ThroughputBucket, long>? count = null)
    {
        count ??= b => b.Lines;
        if (to - from < bucketSeconds / 2) return null;
        double lines = 0;
        foreach (var b in series)
        {
            var overlap = Math.Min(to, b.FromSeconds + bucketSeconds) - Math.Max(from, b.FromSeconds);
            if (overlap > 0) lines += count(b) * overlap / bucketSeconds;
        }
        return Math.Round(lines / (to - from), 1);
    }

    /// <summary>
    /// When throughput came back after a kill at <paramref name="killedAt"/>: the end of the first whole bucket after the
    /// kill whose rate is at least <paramref name="share"/> of <paramref name="baseline"/>; null when none is. Measured to
    /// the bucket's end, so it is an upper bound (at most one bucket late).
    /// </summary>
    public static double? RecoveredAt(IReadOnlyList<ThroughputBucket> series, double bucketSeconds, double killedAt, double baseline, double share)
    {
        foreach (var b in series)
        {
            if (b.FromSeconds < killedAt) continue;
            if (b.LinesPerSecond >= baseline * share) return b.FromSeconds + bucketSeconds;
        }
        return null;
    }
}
