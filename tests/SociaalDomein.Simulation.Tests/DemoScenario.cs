using SociaalDomein.Messages.Model;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Tests;

/// <summary>The default demo scenario, generated once for all tests that read it.</summary>
public sealed class DemoScenario
{
    public Scenario Scenario { get; } = ScenarioGenerator.Generate(ScenarioOptions.Demo);

    /// <summary>Declarations as first sent (resent copies left out), with their publish position.</summary>
    public IReadOnlyList<(ScenarioMessage Sent, DeclaratieMessage Declaratie)> Declarations =>
        Scenario.Messages.Where(m => !m.IsResend && m.Message is DeclaratieMessage)
            .Select(m => (m, (DeclaratieMessage)m.Message)).ToList();

    public IReadOnlyList<(ScenarioMessage Sent, ToewijzingMessage Toewijzing)> Toewijzingen =>
        Scenario.Messages.Where(m => !m.IsResend && m.Message is ToewijzingMessage)
            .Select(m => (m, (ToewijzingMessage)m.Message)).ToList();
}

[CollectionDefinition(Name)]
public sealed class DemoScenarioCollection : ICollectionFixture<DemoScenario>
{
    public const string Name = "demo scenario";
}
