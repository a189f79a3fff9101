namespace SociaalDomein.Monitoring.Rules.Lifecycle;

/// <summary>What happened to an alert.</summary>
public enum AlertChange
{
    /// <summary>The condition began to hold: a new alert id.</summary>
    Raised,

    /// <summary>The condition still holds with other figures or severity: same id.</summary>
    Updated,

    /// <summary>The condition no longer holds: same id, closed.</summary>
    Resolved,
}
