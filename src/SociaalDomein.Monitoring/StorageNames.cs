namespace SociaalDomein.Monitoring;

/// <summary>Names of the Orleans grain storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>Grain state of the monitoring grains (PostgreSQL in every deployment).</summary>
    public const string Monitoring = "monitoring";
}
