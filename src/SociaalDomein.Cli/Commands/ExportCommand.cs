using System.CommandLine;
using System.Globalization;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Cli.Commands;

/// <summary>
/// <c>sdstream export</c>: daily totals for the data team as CSV, streamed from the database (any size, constant memory).
/// </summary>
public static class ExportCommand
{
    public const string CsvHeader = "date,municipality,provider,category,standard,amount_cents,lines";

    public static Command Create()
    {
        var connection = ReportCommand.ConnectionOption();
        var from = ReportCommand.FromOption();
        var to = ReportCommand.ToOption();
        var municipality = ReportCommand.MunicipalityOption();
        var provider = ReportCommand.ProviderOption();
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv");
        var output = new Option<FileInfo?>("--output") { Description = "File to write; standard output when left out." };
        var command = new Command("export", "Export daily totals (date × municipality × provider × category × standard).")
        {
            connection, from, to, municipality, provider, format, output,
        };
        command.SetAction((parse, cancellationToken) => ReportCommand.WithDatabaseAsync(parse.GetValue(connection)!, async dataSource =>
        {
            var filter = new DailyCostFilter(parse.GetValue(from), parse.GetValue(to), ReportCommand.NullIfEmpty(parse.GetValue(municipality)), parse.GetValue(provider));
            var file = parse.GetValue(output);
            await using var writer = file is null ? Console.Out : new StreamWriter(file.FullName);
            await writer.WriteLineAsync(CsvHeader);
            var rows = 0L;
            await foreach (var row in new DailyCostQueries(dataSource).StreamAsync(filter, cancellationToken))
            {
                // Codes are digits only and amounts integers, so no field needs quoting.
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{row.Date:yyyy-MM-dd},{row.MunicipalityCode},{row.ProviderAgb},{row.ProductCategorie},{row.Standard},{row.AmountCents},{row.LineCount}"));
                rows++;
            }
            if (file is not null) Console.Error.WriteLine($"Exported {rows} rows to {file.FullName}.");
        }));
        return command;
    }
}
