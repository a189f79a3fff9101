using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Planning;

/// <summary>
/// Everything decided before the first message is written: providers, contracts, clients, allocations and ceilings.
/// Small (one object per allocation); the messages are produced from it on demand.
/// </summary>
internal sealed class ScenarioPlan(
    ScenarioOptions options,
    IReadOnlyList<PlannedProvider> providers,
    IReadOnlyList<PlannedContract> contracts,
    IReadOnlyList<PlannedEpisode> episodesInPublishOrder,
    IReadOnlyList<DateOnly> months)
{
    public ScenarioOptions Options { get; } = options;
    public IReadOnlyList<PlannedProvider> Providers { get; } = providers;
    public IReadOnlyList<PlannedContract> Contracts { get; } = contracts;

    /// <summary>One 301 each, ordered by Toewijzingsdatum and -tijd.</summary>
    public IReadOnlyList<PlannedEpisode> EpisodesInPublishOrder { get; } = episodesInPublishOrder;

    /// <summary>First day of every simulated month, in order.</summary>
    public IReadOnlyList<DateOnly> Months { get; } = months;

    /// <summary>Set once by the planner, from the plan's own deliveries.</summary>
    public IReadOnlyList<ScenarioCeiling> Ceilings { get; set; } = [];

    /// <summary>A line can be corrected only if the next month is simulated: the correction travels in that month's declaration.</summary>
    public bool IsCorrectable(int monthPosition) => monthPosition < Months.Count - 1;

    public bool TryDeliver(PlannedAllocation allocation, int monthPosition, out Delivery delivery) =>
        DeliveryModel.TryDeliver(allocation, Months[monthPosition], Options.Seed, Options.Noise.CorrectionShare,
            IsCorrectable(monthPosition), out delivery);
}
