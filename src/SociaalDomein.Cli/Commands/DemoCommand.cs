using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Monitoring.Alerts;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Simulation.Region;
using SociaalDomein.Simulation.Scenarios;
using Spectre.Console;

namespace SociaalDomein.Cli.Commands;

/// <summary>
/// <c>sdstream demo</c>: generates a realistic Regio Nijmegen stream, runs it through the embedded pipeline with a
/// progress display, and shows the alerts and the contracts closest to their ceilings.
/// </summary>
public static class DemoCommand
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Stop after the generated stream is processed (otherwise keep running until Ctrl+C)." };
        var seed = ScenarioFiles.SeedOption();
        var months = ScenarioFiles.MonthsOption();
        var providers = ScenarioFiles.ProvidersOption();
        var verbose = new Option<bool>("--verbose") { Description = "Show the pipeline's informational log." };
        var command = new Command("demo", "Run a generated Regio Nijmegen stream through the embedded pipeline.") { once, seed, months, providers, verbose };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(once), ScenarioFiles.Options(parse.GetValue(seed),
            parse.GetValue(months), parse.GetValue(providers)), parse.GetValue(verbose), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(bool once, ScenarioOptions options, bool verbose, CancellationToken cancellationToken)
    {
        var generator = new ScenarioGenerator(options);
        var work = Directory.CreateTempSubdirectory("sdstream-demo-");
        try
        {
            AnsiConsole.MarkupLine($"[bold]Regio Nijmegen[/]: {options.ProviderCount} providers, {options.Region.Municipalities.Count} municipalities, " +
                                   $"{options.Months} months of {options.Year} (seed {options.Seed}).");
            var files = ScenarioFiles.Write(generator, work);
            var ceilings = CeilingsCsv.ParseFile(Path.Combine(work.FullName, ScenarioFiles.CeilingsFileName));
            AnsiConsole.MarkupLine($"Generated {files.Count} messages and {ceilings.Count} budget ceilings in {work.FullName}.");

            await using var infrastructure = await EmbeddedInfrastructure.StartAsync("sdstream_demo", cancellationToken);
            // The scenario is history: lead times, pacing and forecasts are judged as of its last message's day.
            var asOf = generator.StreamMessages().Max(m => m.Message.Header.Dagtekening);
            var settings = new Dictionary<string, string?>(infrastructure.Settings)
            {
                ["Monitoring:AsOfDate"] = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
            await using var session = await PipelineSession.StartAsync(settings,
                logging => logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning)
                    .AddFilter("Orleans", verbose ? LogLevel.Warning : LogLevel.Error).AddFilter("Microsoft", LogLevel.Warning),
                cancellationToken);
            await session.LoadCeilingsAsync(ceilings, cancellationToken);

            var started = DateTime.UtcNow;
            await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var published = progress.AddTask("Publishing to Kafka", maxValue: files.Count);
                    var processed = progress.AddTask("Processing (worker → grains → PostgreSQL)", maxValue: files.Count);
                    var positions = await session.PublishAsync(files, new Progress<int>(n => published.Value = n), cancellationToken);
                    published.Value = files.Count;
                    await session.WaitUntilProcessedAsync(positions, TimeSpan.FromMinutes(10), new Progress<long>(n => processed.Value = n), cancellationToken);
                    processed.Value = files.Count;
                });
            var elapsed = DateTime.UtcNow - started;

            var report = await session.BuildReportAsync(cancellationToken);
            var expected = ExpectedTotals.From(generator.StreamMessages());
            Show(report, expected, generator, elapsed);

            if (!once)
            {
                AnsiConsole.MarkupLine($"\nThe pipeline keeps running. Publish more with [bold]sdstream publish --bootstrap-servers {infrastructure.Kafka.BootstrapServers} <files>[/]; Ctrl+C stops it.");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }
            }
            return ExitCodes.Ok;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Show(PipelineReport report, ExpectedTotals expected, ScenarioGenerator generator, TimeSpan elapsed)
    {
        var providers = generator.Providers.ToDictionary(p => p.Agb, p => p.Name);
        string Municipality(string code) => RegionProfile.Nijmegen.Municipalities.FirstOrDefault(m => m.CbsCode == code)?.Name ?? code;
        string Provider(string agb) => providers.GetValueOrDefault(agb, agb);

        var lines = report.Daily.Sum(d => (long)d.Lines);
        var declared = report.Totals.Sum(t => t.DeclaredCents);
        AnsiConsole.MarkupLine($"\nProcessed in {elapsed.TotalSeconds:0.0} s: [green]{report.Messages.Accepted}[/] messages accepted, " +
                               $"[yellow]{report.Messages.DeadLettered}[/] dead-lettered, {lines.ToString("N0", Dutch)} declaration lines, {Euro(declared)} declared.");
        var mismatches = report.Totals.Count(t => t.DeclaredCents != expected.DeclaredFor(t.Municipality, t.Provider, t.Year) || !t.Reconciled);
        AnsiConsole.MarkupLine(mismatches == 0
            ? $"All {report.Totals.Count} contract totals equal the ledger and the generator's own count, to the cent."
            : $"[red]{mismatches} contract totals differ from the ledger or from the generator's own count.[/]");

        if (report.Signals.Count > 0)
        {
            var signals = new Table().Title("Open signals on declaration lines (counted, never deducted)").AddColumns("Rule", "Lines", "Contracts");
            foreach (var rule in report.Signals.GroupBy(s => s.Rule).OrderByDescending(g => g.Sum(s => s.Lines)))
                signals.AddRow(rule.Key, rule.Sum(s => s.Lines).ToString("N0", Dutch), rule.Count().ToString(Dutch));
            AnsiConsole.Write(signals);
        }

        var kinds = new Table().Title("Alerts by kind").AddColumns("Kind", "Open", "Resolved");
        foreach (var kind in report.AlertKinds ?? [])
            kinds.AddRow(kind.Kind, kind.Open.ToString(Dutch), kind.Resolved.ToString(Dutch));
        AnsiConsole.Write(kinds);

        var open = report.Alerts.Where(a => a.Status != "resolved").ToList();
        var alerts = new Table().Title("Budget ceiling alerts").AddColumns("Severity", "Municipality", "Provider", "Reached", "Declared / ceiling");
        foreach (var alert in open.Where(a => a.Kind == AlertKinds.CeilingThreshold)
                     .OrderByDescending(a => a.ThresholdPercent).ThenBy(a => a.Municipality).ThenBy(a => a.Provider))
        {
            var scope = alert.Category is null ? "" : $" cat. {alert.Category}";
            alerts.AddRow(Severity(alert.Severity), Municipality(alert.Municipality), Markup.Escape(Provider(alert.Provider)),
                $"{alert.ThresholdPercent}% {alert.Year}{scope}", $"{Euro(alert.DeclaredCents)} / {(alert.CeilingCents is { } c ? Euro(c) : "")}");
        }
        AnsiConsole.Write(alerts);

        var others = open.Where(a => a.Kind != AlertKinds.CeilingThreshold).ToList();
        if (others.Count > 0)
        {
            var table = new Table().Title($"Other open alerts (first 15 of {others.Count})").AddColumns("Kind", "Severity", "Municipality", "Provider", "What");
            foreach (var alert in others.OrderBy(a => a.Kind, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).Take(15))
                table.AddRow(alert.Kind, Severity(alert.Severity), Municipality(alert.Municipality), Markup.Escape(Provider(alert.Provider)),
                    Markup.Escape(alert.Description ?? alert.Id));
            AnsiConsole.Write(table);
        }

        var top = new Table().Title("Contracts by ceiling use").AddColumns("Municipality", "Provider", "Declared", "Ceiling", "Use");
        foreach (var total in report.Totals.Where(t => t.CeilingUsePercent is not null).OrderByDescending(t => t.CeilingUsePercent).Take(10))
        {
            var use = total.CeilingUsePercent!.Value;
            var colour = use >= 100 ? "red" : use >= 90 ? "yellow" : use >= 75 ? "blue" : "green";
            top.AddRow(Municipality(total.Municipality), Markup.Escape(Provider(total.Provider)), Euro(total.DeclaredCents),
                Euro(total.CeilingCents!.Value), $"[{colour}]{use.ToString("0.0", Dutch)}%[/]");
        }
        AnsiConsole.Write(top);
    }

    private static string Euro(long cents) => (cents / 100m).ToString("€ #,##0", Dutch);

    private static string Severity(string severity) =>
        $"[{severity switch { "critical" => "red", "warning" => "yellow", _ => "blue" }}]{severity}[/]";
}
