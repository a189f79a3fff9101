using System.CommandLine;
using SociaalDomein.Messages.Writing;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Cli.Commands;

/// <summary>Writes a generated scenario as a backoffice export: one XML file per message plus <c>ceilings.csv</c>.</summary>
public static class ScenarioFiles
{
    public const string CeilingsFileName = "ceilings.csv";

    public static Option<int> SeedOption() => new("--seed") { Description = "Seed of the generator; the same seed gives the same scenario.", DefaultValueFactory = _ => ScenarioOptions.Demo.Seed };
    public static Option<int> MonthsOption() => new("--months") { Description = "Months of care to declare, from January.", DefaultValueFactory = _ => ScenarioOptions.Demo.Months };
    public static Option<int> ProvidersOption() => new("--providers") { Description = "Number of care providers.", DefaultValueFactory = _ => ScenarioOptions.Demo.ProviderCount };

    public static ScenarioOptions Options(int seed, int months, int providers) =>
        ScenarioOptions.Demo with { Seed = seed, Months = months, ProviderCount = providers };

    /// <summary>Writes the messages (streamed, not held in memory) and the ceilings; returns the message files in publish order.</summary>
    public static IReadOnlyList<string> Write(ScenarioGenerator generator, DirectoryInfo directory)
    {
        directory.Create();
        var files = new List<string>();
        foreach (var message in generator.StreamMessages())
        {
            var path = Path.Combine(directory.FullName, message.Name);
            using (var stream = File.Create(path)) MessageWriter.Write(message.Message, stream);
            files.Add(path);
        }
        using var ceilings = new StreamWriter(Path.Combine(directory.FullName, CeilingsFileName));
        generator.WriteCeilingsCsv(ceilings);
        return files;
    }
}
