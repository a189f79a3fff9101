using SociaalDomein.Cli;

namespace SociaalDomein.EndToEnd.Tests;

[Trait("Category", "EndToEnd")]
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_once_runs_a_generated_region_through_the_pipeline_and_finishes_by_itself()
    {
        // The progress display and the host's background threads write concurrently: one lock for every write and the read.
        var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        var original = Console.Out;
        Console.SetOut(output);
        Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(output),
        });
        Spectre.Console.AnsiConsole.Console.Profile.Width = 400;
        int exit;
        try
        {
            exit = await SdStreamCli.Create().Parse(["demo", "--once", "--months", "2", "--providers", "6"]).InvokeAsync();
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(ExitCodes.Ok, exit);
        string shown;
        lock (output) shown = text.ToString();
        Assert.Contains("contract totals equal the ledger and the generator's own count, to the cent", shown);
    }
}
