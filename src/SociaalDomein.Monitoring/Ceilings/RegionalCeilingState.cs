using SociaalDomein.Monitoring.Rules.Lifecycle;

namespace SociaalDomein.Monitoring.Ceilings;

/// <summary>Persisted state of a regional ceiling grain: where each of its alerts stands.</summary>
[GenerateSerializer]
public sealed class RegionalCeilingState
{
    [Id(0)]
    public AlertLifecycleState Alerts { get; set; } = new();
}
