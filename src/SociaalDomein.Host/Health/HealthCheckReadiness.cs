using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SociaalDomein.Ingestion;
using SociaalDomein.Ingestion.Worker;

namespace SociaalDomein.Host.Health;

/// <summary>The worker's readiness: the host's readiness checks, their outcome reused for <see cref="HealthOptions.ReadinessCacheMs"/>.</summary>
public sealed class HealthCheckReadiness(HealthCheckService health, IOptions<HealthOptions> options) : IIngestionReadiness
{
    private ReadinessState _last;
    private long _checkedAt;
    private bool _checked;

    public async ValueTask<ReadinessState> CheckAsync(CancellationToken cancellationToken)
    {
        if (_checked && Stopwatch.GetElapsedTime(_checkedAt).TotalMilliseconds < options.Value.ReadinessCacheMs) return _last;
        HealthReport report;
        // Asked before every record: its PostgreSQL query must not start a trace each time.
        using (IngestionTelemetry.BeginUntraced())
            report = await health.CheckHealthAsync(HealthEndpoints.IsReadinessCheck, cancellationToken);
        _last = report.Status == HealthStatus.Unhealthy
            ? new ReadinessState(false, string.Join("; ", report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy)
                .Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Exception?.Message}")))
            : ReadinessState.Ready;
        _checkedAt = Stopwatch.GetTimestamp();
        _checked = true;
        return _last;
    }
}
