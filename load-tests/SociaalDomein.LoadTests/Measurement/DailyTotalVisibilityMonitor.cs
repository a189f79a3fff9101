using System.Collections.Concurrent;
using Npgsql;

namespace SociaalDomein.LoadTests.Measurement;

/// <summary>Polls daily_costs for the pending probes and records produce→visible latency (poll interval 50 ms).</summary>
public sealed class DailyTotalVisibilityMonitor(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private const string Query = """
        SELECT k.ordinal, coalesce(sum(d.line_count), 0)
        FROM unnest($1::date[], $2::text[], $3::text[]) WITH ORDINALITY AS k(day, municipality_code, provider_agb, ordinal)
        LEFT JOIN daily_costs d ON d.day = k.day AND d.municipality_code = k.municipality_code AND d.provider_agb = k.provider_agb
        GROUP BY k.ordinal
        """;

    private readonly ConcurrentQueue<DailyTotalProbe> _incoming = new();
    private readonly List<DailyTotalProbe> _pending = [];
    private readonly ConcurrentBag<double> _latenciesMs = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Add(DailyTotalProbe probe) => _incoming.Enqueue(probe);

    public int Pending => _pending.Count + _incoming.Count;

    public IReadOnlyCollection<double> LatenciesMs => _latenciesMs;

    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    /// <summary>Waits until every probe is visible, or the timeout passes (the rest are reported as not seen).</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Pending > 0 && DateTime.UtcNow < deadline) await Task.Delay(PollInterval);
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                while (_incoming.TryDequeue(out var probe)) _pending.Add(probe);
                if (_pending.Count > 0) await PollAsync(cancellationToken);
                await Task.Delay(PollInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException)
            {
                // PostgreSQL busy or restarting: try again next round; the latency then includes the wait, as a reader's would.
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Query);
        command.Parameters.Add(new NpgsqlParameter { Value = _pending.Select(p => p.Day).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = _pending.Select(p => p.Municipality).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = _pending.Select(p => p.Provider).ToArray() });
        var seen = new HashSet<int>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var index = (int)reader.GetInt64(0) - 1;
                if (reader.GetInt64(1) >= _pending[index].ExpectedLines) seen.Add(index);
            }
        }
        if (seen.Count == 0) return;
        var now = DateTimeOffset.UtcNow;
        foreach (var index in seen) _latenciesMs.Add((now - _pending[index].ProducedAt).TotalMilliseconds);
        var remaining = _pending.Where((_, i) => !seen.Contains(i)).ToList();
        _pending.Clear();
        _pending.AddRange(remaining);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        _stop.Dispose();
    }
}
