using SociaalDomein.LoadTests.Measurement;

namespace SociaalDomein.LoadTests.Results;

/// <summary>
/// The figures of one scenario run, as written to results/latest.json. The first eight properties are the issue's
/// agreed summary; the rest say how they were obtained.
/// </summary>
public sealed record ScenarioResult
{
    public required string Scenario { get; init; }

    /// <summary>Declaration lines in the records the pipeline processed (resent copies included).</summary>
    public required long Lines { get; init; }

    /// <summary>End to end: lines ÷ (last record durably processed − first record produced).</summary>
    public required double LinesPerSecond { get; init; }

    /// <summary>Consume + parse of the same records with nothing else, one thread.</summary>
    public double? CeilingLinesPerSecond { get; init; }

    /// <summary>Consume + parse + binary COPY into PostgreSQL + one GROUP BY for the daily totals.</summary>
    public double? BatchPeerLinesPerSecond { get; init; }

    public double? AlertLatencyP99Ms { get; init; }

    public required double PeakRssMb { get; init; }

    public required string Commit { get; init; }

    public required string RunAt { get; init; }

    public required string Mode { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyDictionary<string, object?> Settings { get; init; }

    public required double[] LoadAverageAtStart { get; init; }

    public required double[] LoadAverageAtEnd { get; init; }

    public required int Cores { get; init; }

    public double? ShareOfCeiling { get; init; }

    public double? RatioToBatchPeer { get; init; }

    public required long Messages { get; init; }

    public required long DeclarationMessages { get; init; }

    public required long DistinctLines { get; init; }

    public required double MegabytesProduced { get; init; }

    public required double ProduceSeconds { get; init; }

    public required double ElapsedSeconds { get; init; }

    /// <summary>Every contract total equals the ledger, and the ledger equals what was produced (count and amount).</summary>
    public bool? TotalsExact { get; init; }

    public string? TotalsCheck { get; init; }

    public Percentiles? AlertLatencyMs { get; init; }

    public Percentiles? AlertReceivedLatencyMs { get; init; }

    public long? Alerts { get; init; }

    public Percentiles? DurableLatencyMs { get; init; }

    public Percentiles? DailyTotalVisibilityMs { get; init; }

    public int? DailyTotalProbesNotSeen { get; init; }

    public long? MaxConsumerLag { get; init; }

    public IReadOnlyList<LagSample>? ConsumerLag { get; init; }

    /// <summary>PostgreSQL's most expensive statements of the measured phase (pg_stat_statements), by total execution time.</summary>
    public IReadOnlyList<StatementCost>? Statements { get; init; }

    public ResourceUse? Resources { get; init; }

    /// <summary>Pipeline CPU + PostgreSQL CPU per line: the basis of the per-core figures in docs/scaling.md.</summary>
    public double? LinesPerCpuSecond { get; init; }

    public PeerFigures? Ceiling { get; init; }

    public PeerFigures? BatchPeer { get; init; }

    public IReadOnlyList<MemorySample>? Memory { get; init; }

    /// <summary>Soak: growth of the resident set over the second half of the run, MB per minute.</summary>
    public double? RssSlopeMbPerMinute { get; init; }

    /// <summary>Slope of what survived each full collection, over the second half: the managed state's growth, without garbage.</summary>
    public double? LiveHeapSlopeMbPerMinute { get; init; }

    public IReadOnlyDictionary<string, object?>? Extra { get; init; }

    /// <summary>scale-out: kills, recovery and throughput before, during and after.</summary>
    public ScaleOutFigures? ScaleOut { get; init; }

    /// <summary>scale-out: records and lines made durable per bucket (kept in runs/, not in latest.json).</summary>
    public IReadOnlyList<ThroughputBucket>? Throughput { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}

public sealed record PeerFigures(long Records, long Lines, double Seconds, double CpuSeconds, double LinesPerSecond,
    IReadOnlyDictionary<string, double> Phases, long? MismatchedDailyRows = null);
