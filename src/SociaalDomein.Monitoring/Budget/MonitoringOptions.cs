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
}
