namespace SociaalDomein.Monitoring.Allocations;

/// <summary>Allocation grain: keeps the current version of one toewijzing; resent or older versions change nothing.</summary>
public sealed class AllocationGrain(
    [PersistentState("allocation", StorageNames.Monitoring)] IPersistentState<AllocationState> state) : Grain, IAllocationGrain
{
    public async Task<bool> ApplyVersionAsync(AllocationVersion version)
    {
        if (version.GrainKey != this.GetPrimaryKeyString())
            throw new ArgumentException($"Allocation {version.GrainKey} was sent to grain {this.GetPrimaryKeyString()}.", nameof(version));

        var latest = state.State.Latest;
        if (latest is not null && !version.IsNewerThan(latest)) return false;

        state.State.Latest = version;
        await state.WriteStateAsync();
        return true;
    }

    public Task<AllocationVersion?> GetCurrentAsync() =>
        Task.FromResult(state.State.Latest is { Deleted: false } current ? current : null);
}
