using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Budget;

/// <summary>Configurable monitoring rules (section "Monitoring").</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>Percentages of a ceiling at which a CeilingThreshold alert is raised.</summary>
    public List<int> ThresholdPercents { get; set; } = [];

    /// <summary>The thresholds in use: the configured ones, or 75/90/100 when none are configured.</summary>
    public IReadOnlyList<int> EffectiveThresholdPercents =>
        ThresholdPercents.Count > 0 ? ThresholdPercents.Distinct().Order().ToList() : [75, 90, 100];

    /// <summary>Pacing: year-to-date spend may run this factor ahead of the elapsed share of the ceiling (1.10 = 10 %).</summary>
    public decimal PacingTolerance { get; set; } = 1.10m;

    /// <summary>Working days after a month's end by which its declarations are counted as complete (forecast and pacing).</summary>
    public int DeclarationLagWorkingDays { get; set; } = 10;

    /// <summary>Calendar days after a 301 takes effect within which a 305 is expected (the region's choice).</summary>
    public int AllocationWithoutStartDays { get; set; } = 30;

    /// <summary>
    /// Evaluate time limits, pacing and forecasts as of this day instead of today (Europe/Amsterdam). For replaying
    /// historic traffic: the figures are then those of that day, the same on every run.
    /// </summary>
    public DateOnly? AsOfDate { get; set; }

    /// <summary>How often the silo re-evaluates every contract for a new day (lead times, pacing, forecast).</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The day the rules count as today.</summary>
    public DateOnly Today(TimeProvider clock) => AsOfDate ?? AmsterdamDay.Of(clock.GetUtcNow());
}
