namespace SociaalDomein.Monitoring.Allocations;

/// <summary>Persisted state of an allocation grain.</summary>
[GenerateSerializer]
public sealed class AllocationState
{
    /// <summary>The latest version received, deleted or not (a deletion is a version too: an older resend must not revive it).</summary>
    [Id(0)]
    public AllocationVersion? Latest { get; set; }
}
