namespace SociaalDomein.Monitoring.Allocations;

/// <summary>One allocation, keyed by <see cref="AllocationVersion.AllocationKey"/>: holds its current version.</summary>
public interface IAllocationGrain : IGrainWithStringKey
{
    /// <summary>Records a version from a 301; returns true when it became the current version.</summary>
    Task<bool> ApplyVersionAsync(AllocationVersion version);

    /// <summary>The current version, or null when none was received or the allocation was deleted.</summary>
    Task<AllocationVersion?> GetCurrentAsync();
}
