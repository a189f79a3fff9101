namespace SociaalDomein.Storage.Tests.Clustering;

/// <summary>A grain that says which silo it runs on, to see where the cluster placed it.</summary>
public interface IClusterProbeGrain : IGrainWithStringKey
{
    /// <summary>The address of the silo this activation lives on, in Orleans' parsable form.</summary>
    Task<string> GetSiloAsync();
}

public sealed class ClusterProbeGrain(ILocalSiloDetails silo) : Grain, IClusterProbeGrain
{
    public Task<string> GetSiloAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
