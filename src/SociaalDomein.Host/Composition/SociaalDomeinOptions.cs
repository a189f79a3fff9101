namespace SociaalDomein.Host.Composition;

/// <summary>What this process does and how it stops (section "SociaalDomein").</summary>
public sealed class SociaalDomeinOptions
{
    public const string Section = "SociaalDomein";

    /// <summary>Comma-separated roles (<see cref="HostRoles"/>): silo, worker, alerts, api, or all.</summary>
    public string Roles { get; set; } = "all";

    /// <summary>
    /// How long a graceful stop (SIGTERM) may take: the worker finishes the records in its lanes and commits, the silo
    /// deactivates its grains. Past it, unfinished work is abandoned and repeated after restart.
    /// </summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;
}
