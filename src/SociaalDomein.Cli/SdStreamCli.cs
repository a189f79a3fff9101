using System.CommandLine;
using SociaalDomein.Cli.Commands;

namespace SociaalDomein.Cli;

/// <summary>The <c>sdstream</c> command line: run, feed and inspect the pipeline.</summary>
public static class SdStreamCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("sdstream: real-time cost insight from iJw/iWmo message traffic.");
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(PublishCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ReconcileCommand.Create());
        return root;
    }
}
