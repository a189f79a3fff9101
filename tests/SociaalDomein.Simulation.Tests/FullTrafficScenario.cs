using SociaalDomein.Messages.Model;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Tests;

/// <summary>The demo with the whole message traffic (<see cref="ScenarioOptions.DemoFullTraffic"/>), generated once for all tests that read it.</summary>
public sealed class FullTrafficScenario
{
    public Scenario Scenario { get; } = ScenarioGenerator.Generate(ScenarioOptions.DemoFullTraffic);

    /// <summary>Messages of one model type as first sent (resent copies left out), with their publish position.</summary>
    public IReadOnlyList<(ScenarioMessage Sent, T Message)> FirstSent<T>() where T : IstdMessage =>
        Scenario.Messages.Where(m => !m.IsResend && m.Message is T).Select(m => (m, (T)m.Message)).ToList();
}

[CollectionDefinition(Name)]
public sealed class FullTrafficScenarioCollection : ICollectionFixture<FullTrafficScenario>
{
    public const string Name = "full traffic scenario";
}
