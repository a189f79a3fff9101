using SociaalDomein.Simulation.Emission;
using SociaalDomein.Simulation.Planning;
using SociaalDomein.Simulation.Providers;

namespace SociaalDomein.Simulation.Scenarios;

/// <summary>
/// Generates a deterministic iJw message scenario for a region: 301 allocations and monthly 323 declarations from
/// fictitious providers to the region's municipalities, with ceilings that some contracts run into, and, when
/// <see cref="ScenarioOptions.Lifecycle"/> is on, the requests, answers, start/stop and declaration answers around them.
/// The caller serialises the messages.
/// </summary>
/// <example>
/// <code>
/// var scenario = ScenarioGenerator.Generate(ScenarioOptions.Demo);
/// foreach (var m in scenario.Messages) File.WriteAllBytes(m.Name, MessageWriter.Write(m.Message));
/// </code>
/// </example>
public sealed class ScenarioGenerator
{
    private readonly ScenarioPlan _plan;

    /// <summary>Plans the scenario (providers, contracts, allocations, ceilings); messages are made when enumerated.</summary>
    public ScenarioGenerator(ScenarioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _plan = ScenarioPlanner.Plan(options);
        Providers = _plan.Providers.Select(p => p.Provider).ToList();
    }

    public ScenarioOptions Options => _plan.Options;

    /// <summary>The fictitious providers, largest first.</summary>
    public IReadOnlyList<SimulatedProvider> Providers { get; }

    /// <summary>Known before any message is made, so a pipeline can be given its ceilings first.</summary>
    public IReadOnlyList<ScenarioCeiling> Ceilings => _plan.Ceilings;

    /// <summary>
    /// The messages in publish order, made lazily one month of declarations at a time, so a large scenario streams.
    /// Each enumeration yields the same messages.
    /// </summary>
    public IEnumerable<ScenarioMessage> StreamMessages() => new MessageEmitter(_plan).Emit();

    /// <inheritdoc cref="ScenarioCeiling.WriteCsv"/>
    public void WriteCeilingsCsv(TextWriter writer) => ScenarioCeiling.WriteCsv(Ceilings, writer);

    /// <summary>Makes every message and holds the scenario in memory, with its expected totals.</summary>
    public Scenario Generate()
    {
        var messages = StreamMessages().ToList();
        return new Scenario(Options, Providers, messages, Ceilings, ExpectedTotals.From(messages));
    }

    /// <inheritdoc cref="Generate()"/>
    public static Scenario Generate(ScenarioOptions options) => new ScenarioGenerator(options).Generate();
}
