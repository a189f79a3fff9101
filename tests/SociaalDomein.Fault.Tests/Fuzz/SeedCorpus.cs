using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Writing;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Fault.Tests.Fuzz;

/// <summary>
/// Valid messages to mutate, written by the production writer: a few of every message type the simulation produces
/// (301, 305, 307, 315, 323 and the retours), so that every reader path is reached.
/// </summary>
public static class SeedCorpus
{
    public static IReadOnlyList<byte[]> Messages { get; } = Build();

    private static List<byte[]> Build()
    {
        var scenario = ScenarioGenerator.Generate(ScenarioOptions.Demo with { ProviderCount = 3, Months = 2 });
        return scenario.Messages
            .GroupBy(m => (m.Message.Standard, m.Message.Type))
            .SelectMany(g => g.Take(3))
            .Select(m => MessageWriter.Write(m.Message))
            .ToList();
    }

    /// <summary>The message types among the seeds, for the report.</summary>
    public static IReadOnlyList<string> Types { get; } =
        ScenarioGenerator.Generate(ScenarioOptions.Demo with { ProviderCount = 3, Months = 2 }).Messages
            .Select(m => $"{m.Message.Standard}:{(int)m.Message.Type}").Distinct().Order().ToList();
}
