namespace SociaalDomein.Simulation.Planning;

/// <summary>
/// One 301: the allocations a municipality grants a client at one provider at one moment (one product, or day
/// treatment with its transport).
/// </summary>
internal sealed class PlannedEpisode(int id, PlannedContract contract, PlannedClient client, DateOnly toewijzingsdatum, TimeOnly toewijzingstijd)
{
    public int Id { get; } = id;
    public PlannedContract Contract { get; } = contract;
    public PlannedClient Client { get; } = client;
    public DateOnly Toewijzingsdatum { get; } = toewijzingsdatum;
    public TimeOnly Toewijzingstijd { get; } = toewijzingstijd;
    public List<PlannedAllocation> Allocations { get; } = [];
}
