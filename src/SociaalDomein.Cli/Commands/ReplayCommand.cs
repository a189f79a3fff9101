using System.CommandLine;
using Microsoft.Extensions.Logging;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.Publishing;
using SociaalDomein.Monitoring.Ceilings;

namespace SociaalDomein.Cli.Commands;

/// <summary>
/// <c>sdstream replay</c>: runs the whole pipeline embedded (mock Kafka cluster, in-process silo, private PostgreSQL)
/// over a directory of messages and writes a JSON report.
/// </summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var input = new Option<DirectoryInfo>("--input") { Description = "Directory with iJw/iWmo *.xml messages, published in file-name order.", Required = true };
        var ceilings = new Option<FileInfo>("--ceilings") { Description = "CSV: municipality,provider,year,ceiling_eur[,category].", Required = true };
        var report = new Option<FileInfo>("--report") { Description = "Where to write the JSON report.", Required = true };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the pipeline to process everything.", DefaultValueFactory = _ => 600 };
        var verbose = new Option<bool>("--verbose") { Description = "Show the pipeline's informational log." };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "Judge lead times, pacing and forecasts as of this day (yyyy-MM-dd) instead of today: for historic traffic, " +
                          "so that every run reports the same.",
        };
        var command = new Command("replay", "Replay message files through the embedded pipeline and write a report.")
        {
            input, ceilings, report, timeout, verbose, asOf,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(input)!, parse.GetValue(ceilings)!, parse.GetValue(report)!,
            TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(verbose), cancellationToken, parse.GetValue(asOf)));
        return command;
    }

    public static async Task<int> RunAsync(DirectoryInfo input, FileInfo ceilingsFile, FileInfo reportFile, TimeSpan timeout, bool verbose,
        CancellationToken cancellationToken, DateOnly? asOf = null)
    {
        IReadOnlyList<string> files;
        IReadOnlyList<BudgetCeiling> ceilings;
        try
        {
            files = MessagePublisher.FindMessageFiles(input.FullName);
            if (!ceilingsFile.Exists) throw new FileNotFoundException($"Ceilings file '{ceilingsFile.FullName}' does not exist.");
            ceilings = CeilingsCsv.ParseFile(ceilingsFile.FullName);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            await Console.Error.WriteLineAsync($"sdstream replay: {e.Message}");
            return ExitCodes.BadInput;
        }

        var report = await RunPipelineAsync(files, ceilings, timeout, verbose, progress: null, cancellationToken, asOf);
        reportFile.Directory?.Create();
        await File.WriteAllTextAsync(reportFile.FullName, report.ToJson(), cancellationToken);
        Console.WriteLine($"Replayed {files.Count} files: {report.Messages.Accepted} messages accepted, {report.Messages.DeadLettered} dead-lettered, " +
                          $"{report.Alerts.Count} alerts. Report: {reportFile.FullName}");
        return ExitCodes.Ok;
    }

    /// <summary>Starts embedded infrastructure and a host, feeds it, and returns the report; everything is stopped afterwards.</summary>
    public static async Task<PipelineReport> RunPipelineAsync(IReadOnlyList<string> files, IReadOnlyList<BudgetCeiling> ceilings,
        TimeSpan timeout, bool verbose, IPipelineProgress? progress, CancellationToken cancellationToken, DateOnly? asOf = null)
    {
        progress?.Stage("Starting PostgreSQL and Kafka");
        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("sdstream", cancellationToken);
        progress?.Stage("Starting silo and worker");
        var settings = new Dictionary<string, string?>(infrastructure.Settings);
        if (asOf is { } day) settings["Monitoring:AsOfDate"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using var session = await PipelineSession.StartAsync(settings,
            logging => logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning)
                .AddFilter("Orleans", verbose ? LogLevel.Warning : LogLevel.Error)
                .AddFilter("Microsoft", LogLevel.Warning),
            cancellationToken);
        await session.LoadCeilingsAsync(ceilings, cancellationToken);
        progress?.Stage("Publishing");
        var published = await session.PublishAsync(files, progress?.Published, cancellationToken);
        progress?.Stage("Processing");
        await session.WaitUntilProcessedAsync(published, timeout, progress?.Processed, cancellationToken);
        progress?.Stage("Reporting");
        return await session.BuildReportAsync(cancellationToken);
    }
}

/// <summary>Progress of a pipeline run, for a progress display.</summary>
public interface IPipelineProgress
{
    void Stage(string description);
    IProgress<int> Published { get; }
    IProgress<long> Processed { get; }
}
