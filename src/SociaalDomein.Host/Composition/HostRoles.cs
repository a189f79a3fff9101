namespace SociaalDomein.Host.Composition;

/// <summary>
/// What a host process does (setting "SociaalDomein:Roles", comma-separated). The embedded default runs all of them;
/// production spreads them over machines.
/// </summary>
[Flags]
public enum HostRoles
{
    None = 0,
    /// <summary>An Orleans silo hosting the monitoring grains.</summary>
    Silo = 1,
    /// <summary>The Kafka ingestion worker; without a silo in the process it calls the cluster's silos as an Orleans client.</summary>
    Worker = 2,
    /// <summary>The outbox relay publishing alerts to Kafka.</summary>
    Alerts = 4,
    /// <summary>The business API and dashboard on the HTTP listener (health and metrics are served by every role).</summary>
    Api = 8,
    All = Silo | Worker | Alerts | Api,
}

public static class HostRolesParser
{
    /// <summary>Parses "silo,worker,alerts,api" or "all"; an unknown name is an error that lists the valid ones.</summary>
    public static HostRoles Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return HostRoles.All;
        var roles = HostRoles.None;
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<HostRoles>(part, ignoreCase: true, out var role) || role == HostRoles.None)
                throw new ArgumentException($"SociaalDomein:Roles: '{part}' is not a role; use a comma-separated list of silo, worker, alerts, api, or all.");
            roles |= role;
        }
        return roles;
    }
}
