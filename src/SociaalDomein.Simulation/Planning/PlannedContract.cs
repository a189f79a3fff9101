using SociaalDomein.Simulation.Region;

namespace SociaalDomein.Simulation.Planning;

/// <summary>A contract between one municipality and one provider, with the care planned under it.</summary>
/// <param name="isMainContract">The contract with the largest municipality, which every provider has.</param>
internal sealed class PlannedContract(int index, Municipality municipality, PlannedProvider provider, long plannedAnnualCents, bool isMainContract)
{
    /// <summary>Position in the plan's contract list; keys the contract's dice.</summary>
    public int Index { get; set; } = index;
    public Municipality Municipality { get; } = municipality;
    public PlannedProvider Provider { get; } = provider;
    public long PlannedAnnualCents { get; } = plannedAnnualCents;
    public bool IsMainContract { get; } = isMainContract;
    public List<PlannedEpisode> Episodes { get; } = [];
    public List<PlannedAllocation> Allocations { get; } = [];
}
