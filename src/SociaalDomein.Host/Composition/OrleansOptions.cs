namespace SociaalDomein.Host.Composition;

/// <summary>Silo settings (section "Orleans").</summary>
public sealed class OrleansOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "sociaaldomein";

    public string ServiceId { get; set; } = "sociaaldomein-streaming";

    /// <summary>How silos find each other: one silo on its own, or a cluster of several through PostgreSQL.</summary>
    /// <remarks>Not called "Clustering": Orleans reads the configuration section Orleans:Clustering itself (as a provider name).</remarks>
    public OrleansClustering Membership { get; set; } = OrleansClustering.Localhost;

    /// <summary>Silo-to-silo port; 0 picks a free one (embedded).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port; 0 picks a free one (embedded).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// With PostgreSQL clustering: the address other silos and clients reach this silo on (a container's own IP);
    /// empty means 127.0.0.1, for several processes on one machine.
    /// </summary>
    public string AdvertisedIPAddress { get; set; } = "";

    /// <summary>
    /// How long a grain may sit idle (no call) before the silo deactivates it and frees its memory; its state stays in
    /// PostgreSQL and the next call activates it again. A contract is busy around its provider's monthly declarations and
    /// idle in between, so without collection a silo would end up holding every contract it ever saw.
    /// </summary>
    public TimeSpan GrainCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How often the silo looks for idle grains: Orleans' one minute, but never more than half the collection age, so that
    /// a short age (a test, a small machine) is honoured to within half of itself.
    /// </summary>
    public TimeSpan GrainCollectionQuantum =>
        GrainCollectionAge / 2 < TimeSpan.FromMinutes(1) ? GrainCollectionAge / 2 : TimeSpan.FromMinutes(1);
}

/// <summary>Values of the setting Orleans:Membership.</summary>
public enum OrleansClustering
{
    /// <summary>A single silo on the loopback interface (embedded runs, one machine).</summary>
    Localhost,

    /// <summary>Several silos that find each other through the membership table in PostgreSQL (docker-compose, production).</summary>
    Postgres,
}
