namespace SociaalDomein.Monitoring.Alerts;

/// <summary>The kinds of alert the system raises.</summary>
public static class AlertKinds
{
    /// <summary>A percentage of a budget ceiling was reached.</summary>
    public const string CeilingThreshold = "CeilingThreshold";
}
