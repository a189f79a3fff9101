namespace SociaalDomein.Monitoring.Rules.Lifecycle;

/// <summary>The severities an alert carries.</summary>
public static class AlertSeverity
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";

    /// <summary>The ceiling-threshold convention: 100% and above critical, 90% and above warning, below that info.</summary>
    public static string ForThreshold(int percent) => percent >= 100 ? Critical : percent >= 90 ? Warning : Info;
}
