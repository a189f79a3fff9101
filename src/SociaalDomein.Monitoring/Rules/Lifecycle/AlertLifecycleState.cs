namespace SociaalDomein.Monitoring.Rules.Lifecycle;

/// <summary>
/// The alert lifecycle of one grain: a track per subject that has ever held. Subjects that never held take no room;
/// the rest is bounded by the grain's ceilings, allocations and awaited answers per year (see <see cref="AlertLifecycle.ForgetInactiveBefore"/>).
/// </summary>
[GenerateSerializer]
public sealed class AlertLifecycleState
{
    /// <summary>Tracks keyed by <see cref="AlertSubject.Key"/>.</summary>
    [Id(0)]
    public Dictionary<string, AlertTrack> Tracks { get; init; } = new();
}
