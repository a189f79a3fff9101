using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SociaalDomein.Storage.Queries;
using Spectre.Console;

namespace SociaalDomein.Cli.Commands;

/// <summary>
/// <c>sdstream reconcile --from --to [--municipality] [--provider]</c>: proves that the daily totals of a period equal
/// the ledger of accepted lines. Exit code 0 when every figure agrees, <see cref="ExitCodes.NotReconciled"/> when any
/// differs (each difference printed as a table row).
/// </summary>
public static class ReconcileCommand
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    // Relaxed escaping: the subjects carry "×", which a person reading the JSON should see as such.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var connection = ReportCommand.ConnectionOption();
        var from = new Option<DateOnly>("--from") { Description = "First day (yyyy-mm-dd), inclusive.", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last day (yyyy-mm-dd), inclusive.", Required = true };
        var municipality = ReportCommand.MunicipalityOption();
        var provider = ReportCommand.ProviderOption();
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of tables." };
        var command = new Command("reconcile",
            $"Prove that the daily totals (daily insight per received day, by service month, year to date and distinct clients; daily costs per " +
            $"Dagtekening) equal the ledger of accepted lines for a period. Exit code {ExitCodes.Ok} when equal, {ExitCodes.NotReconciled} when they differ.")
        {
            connection, from, to, municipality, provider, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var filter = new ReconcileFilter(parse.GetValue(from), parse.GetValue(to), ReportCommand.NullIfEmpty(parse.GetValue(municipality)),
                parse.GetValue(provider));
            if (filter.To < filter.From)
            {
                await Console.Error.WriteLineAsync($"sdstream reconcile: --to ({filter.To:yyyy-MM-dd}) lies before --from ({filter.From:yyyy-MM-dd}).");
                return ExitCodes.BadInput;
            }
            ReconcileReport? report = null;
            var exit = await ReportCommand.WithDatabaseAsync(parse.GetValue(connection)!, async dataSource =>
                report = await new ReconcileQueries(dataSource).ReconcileAsync(filter, cancellationToken));
            if (report is null) return exit;

            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
            else
                Print(report);
            return report.Equal ? ExitCodes.Ok : ExitCodes.NotReconciled;
        });
        return command;
    }

    private static void Print(ReconcileReport report)
    {
        var scope = $"{report.Filter.From:yyyy-MM-dd} to {report.Filter.To:yyyy-MM-dd}"
                    + (report.Filter.Municipalities is { } m ? $", municipality {string.Join(", ", m)}" : "")
                    + (report.Filter.ProviderAgb is { } p ? $", provider {p}" : "");
        var summary = $"{report.LedgerLines.ToString("N0", Dutch)} ledger lines received, {Euro(report.LedgerAmountCents)}; " +
                      $"{report.TotalsCompared.ToString("N0", Dutch)} totals compared";
        if (report.Equal)
        {
            AnsiConsole.MarkupLine($"[green]Reconciled[/] {Markup.Escape(scope)}: {Markup.Escape(summary)}, all equal to the ledger.");
            return;
        }
        AnsiConsole.MarkupLine($"[red]NOT reconciled[/] {Markup.Escape(scope)}: {Markup.Escape(summary)}, {report.Differences.Count} differ.");
        var table = new Table().Title("Differences (daily table − ledger)").AddColumns("Check", "Total", "Measure", "Ledger", "Daily", "Difference");
        foreach (var d in report.Differences)
        {
            table.AddRow(d.Check, Markup.Escape(d.Subject), d.Measure, Figure(d.Ledger), Figure(d.Daily),
                d.Difference.ToString("+#,##0;-#,##0;0", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
    }

    private static string Figure(long? value) => value?.ToString("#,##0", CultureInfo.InvariantCulture) ?? "(none)";

    private static string Euro(long cents) => (cents / 100m).ToString("€ #,##0.00", Dutch);
}
