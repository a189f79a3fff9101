using System.Diagnostics.Metrics;

namespace SociaalDomein.Host.Telemetry;

/// <summary>Metrics of the host process itself (beside those of ingestion, Orleans, Npgsql and the runtime).</summary>
public static class HostTelemetry
{
    public const string Name = "SociaalDomein.Host";

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> PostgresWriteDuration = Meter.CreateHistogram<double>("sd.postgres.write.duration", "s",
        "Duration of PostgreSQL statements that write (INSERT, UPDATE, DELETE, MERGE, COPY), by operation: ledger appends, " +
        "daily totals, grain state, message log, alerts",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
}
