using System.CommandLine;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Cli.Commands;

/// <summary><c>sdstream generate</c>: writes a realistic Regio Nijmegen scenario as message files and a ceilings CSV.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--output") { Description = "Directory to write the *.xml messages and ceilings.csv into.", Required = true };
        var seed = ScenarioFiles.SeedOption();
        var months = ScenarioFiles.MonthsOption();
        var providers = ScenarioFiles.ProvidersOption();
        var command = new Command("generate", "Generate a Regio Nijmegen scenario (iJw 301 and 323 messages with ceilings).") { output, seed, months, providers };
        command.SetAction(parse =>
        {
            ScenarioGenerator generator;
            try
            {
                generator = new ScenarioGenerator(ScenarioFiles.Options(parse.GetValue(seed), parse.GetValue(months), parse.GetValue(providers)));
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"sdstream generate: {e.Message}");
                return ExitCodes.BadInput;
            }
            var directory = parse.GetValue(output)!;
            var files = ScenarioFiles.Write(generator, directory);
            Console.WriteLine($"Wrote {files.Count} messages and {ScenarioFiles.CeilingsFileName} ({generator.Ceilings.Count} ceilings) to {directory.FullName}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
