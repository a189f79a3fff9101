namespace SociaalDomein.Host.Composition;

/// <summary>Silo settings (section "Orleans").</summary>
public sealed class OrleansOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "sociaaldomein";

    public string ServiceId { get; set; } = "sociaaldomein-streaming";

    /// <summary>Silo-to-silo port; 0 picks a free one (embedded).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port; 0 picks a free one (embedded).</summary>
    public int GatewayPort { get; set; } = 30000;
}
