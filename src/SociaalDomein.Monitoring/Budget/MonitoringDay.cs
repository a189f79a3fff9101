using Microsoft.Extensions.Options;

namespace SociaalDomein.Monitoring.Budget;

/// <summary>
/// The day the monitoring rules count as today: lead times, pacing, forecasts, and which years are settled. One service,
/// so that a replay can move it with the traffic it replays.
/// </summary>
public interface IMonitoringDay
{
    DateOnly Today { get; }
}

/// <summary><c>Monitoring:AsOfDate</c> when it is set, else the Dutch day of the clock.</summary>
public sealed class ConfiguredMonitoringDay(IOptions<MonitoringOptions> options, TimeProvider clock) : IMonitoringDay
{
    public DateOnly Today => options.Value.Today(clock);
}
