using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.LoadTests.Scenarios;

/// <summary>How fast the harness produces: everything at once, or paced to a steady number of declaration lines per second.</summary>
/// <param name="LinesPerSecond">null: as fast as the producer can (a burst or a replay).</param>
/// <param name="Duration">For a paced run: stop producing after this long, even if the scenario has more messages.</param>
public sealed record Pacing(double? LinesPerSecond, TimeSpan? Duration)
{
    public static Pacing Burst { get; } = new(null, null);
}

/// <summary>One load scenario: what to generate and how to feed it to the pipeline.</summary>
/// <param name="Options">The generator's options; <paramref name="Years"/> &gt; 1 repeats them for successive years.</param>
/// <param name="WarmUpAllocations">
/// True: every 301 is produced and processed before the clock starts, and only the 323s are measured (a month-start
/// peak hits a system that already knows its allocations).
/// </param>
/// <param name="Years">How many successive simulated years to run (the soak runs years on so that nothing repeats).</param>
public sealed record LoadScenario(
    string Name,
    string Description,
    ScenarioOptions Options,
    Pacing Pacing,
    bool WarmUpAllocations = false,
    int Years = 1)
{
    /// <summary>Allocation numbers each simulated year starts above the last year's (a region-year numbers fewer than this).</summary>
    public const long AllocationNumbersPerYear = 10_000_000;

    /// <summary>
    /// The generator's options for each year: successive calendar years, each numbering its allocations above the
    /// years before, as a municipality never gives one number to two allocations.
    /// </summary>
    public IReadOnlyList<ScenarioOptions> YearOptions() => Enumerable.Range(0, Years)
        .Select(y => Options with { Year = Options.Year + y, FirstToewijzingNummer = Options.FirstToewijzingNummer + y * AllocationNumbersPerYear })
        .ToList();
}
