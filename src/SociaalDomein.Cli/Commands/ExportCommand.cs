using System.CommandLine;
using System.Globalization;
using Parquet;
using Parquet.Schema;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Cli.Commands;

/// <summary>
/// <c>sdstream export</c>: daily totals for the data team as CSV or Parquet, streamed from the database (any size,
/// constant memory: Parquet is written in row groups of <see cref="ParquetRowGroupSize"/> rows).
/// </summary>
public static class ExportCommand
{
    public const string CsvHeader = "date,municipality,provider,category,standard,amount_cents,lines";

    /// <summary>Rows per Parquet row group: large enough for good compression, small enough to hold in memory.</summary>
    public const int ParquetRowGroupSize = 100_000;

    /// <summary>
    /// The Parquet columns, named as the CSV header's: a date (logical type DATE), codes as strings (leading zeros kept),
    /// the amount as a 64-bit integer of eurocents and the line count as a 32-bit integer. None is nullable.
    /// </summary>
    public static class ParquetColumns
    {
        public static readonly DataField<DateOnly> Date = new("date", false);
        public static readonly DataField<string> Municipality = new("municipality", false);
        public static readonly DataField<string> Provider = new("provider", false);
        public static readonly DataField<string> Category = new("category", false);
        public static readonly DataField<string> Standard = new("standard", false);
        public static readonly DataField<long> AmountCents = new("amount_cents", false);
        public static readonly DataField<int> Lines = new("lines", false);

        public static ParquetSchema Schema { get; } = new(Date, Municipality, Provider, Category, Standard, AmountCents, Lines);
    }

    public static Command Create()
    {
        var connection = ReportCommand.ConnectionOption();
        var from = ReportCommand.FromOption();
        var to = ReportCommand.ToOption();
        var municipality = ReportCommand.MunicipalityOption();
        var provider = ReportCommand.ProviderOption();
        var format = new Option<string>("--format") { Description = "Output format: csv, or parquet (needs --output).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "parquet");
        var output = new Option<FileInfo?>("--output") { Description = "File to write; standard output when left out (csv only)." };
        var command = new Command("export", "Export daily totals (date × municipality × provider × category × standard).")
        {
            connection, from, to, municipality, provider, format, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(output);
            var parquet = parse.GetValue(format) == "parquet";
            if (parquet && file is null)
            {
                await Console.Error.WriteLineAsync("sdstream export: --format parquet needs --output FILE (Parquet is a binary file, not terminal output).");
                return ExitCodes.BadInput;
            }
            return await ReportCommand.WithDatabaseAsync(parse.GetValue(connection)!, async dataSource =>
            {
                var filter = new DailyCostFilter(parse.GetValue(from), parse.GetValue(to), ReportCommand.NullIfEmpty(parse.GetValue(municipality)), parse.GetValue(provider));
                var rows = new DailyCostQueries(dataSource).StreamAsync(filter, cancellationToken);
                var count = parquet
                    ? await WriteParquetAsync(rows, file!, cancellationToken)
                    : await WriteCsvAsync(rows, file, cancellationToken);
                if (file is not null) Console.Error.WriteLine($"Exported {count} rows to {file.FullName}.");
            });
        });
        return command;
    }

    private static async Task<long> WriteCsvAsync(IAsyncEnumerable<DailyCost> rows, FileInfo? file, CancellationToken cancellationToken)
    {
        await using var writer = file is null ? Console.Out : new StreamWriter(file.FullName);
        await writer.WriteLineAsync(CsvHeader);
        var count = 0L;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            // Codes are digits only and amounts integers, so no field needs quoting.
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{row.Date:yyyy-MM-dd},{row.MunicipalityCode},{row.ProviderAgb},{row.ProductCategorie},{row.Standard},{row.AmountCents},{row.LineCount}"));
            count++;
        }
        return count;
    }

    /// <summary>Writes the rows as Parquet, one row group per <see cref="ParquetRowGroupSize"/> rows; an empty export is a file with the schema and no rows.</summary>
    public static async Task<long> WriteParquetAsync(IAsyncEnumerable<DailyCost> rows, FileInfo file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.ReadWrite);
        await using var writer = await ParquetWriter.CreateAsync(ParquetColumns.Schema, stream, cancellationToken: cancellationToken);
        var batch = new List<DailyCost>(ParquetRowGroupSize);
        var count = 0L;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == ParquetRowGroupSize)
            {
                await WriteRowGroupAsync(writer, batch, cancellationToken);
                count += batch.Count;
                batch.Clear();
            }
        }
        if (batch.Count > 0 || count == 0)
        {
            await WriteRowGroupAsync(writer, batch, cancellationToken);
            count += batch.Count;
        }
        return count;
    }

    private static async Task WriteRowGroupAsync(ParquetWriter writer, List<DailyCost> batch, CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<DateOnly>(ParquetColumns.Date, batch.Select(r => r.Date).ToArray(), cancellationToken: cancellationToken);
        await group.WriteAsync(ParquetColumns.Municipality, batch.Select(r => r.MunicipalityCode).ToArray());
        await group.WriteAsync(ParquetColumns.Provider, batch.Select(r => r.ProviderAgb).ToArray());
        await group.WriteAsync(ParquetColumns.Category, batch.Select(r => r.ProductCategorie).ToArray());
        await group.WriteAsync(ParquetColumns.Standard, batch.Select(r => r.Standard).ToArray());
        await group.WriteAsync<long>(ParquetColumns.AmountCents, batch.Select(r => r.AmountCents).ToArray(), cancellationToken: cancellationToken);
        await group.WriteAsync<int>(ParquetColumns.Lines, batch.Select(r => r.LineCount).ToArray(), cancellationToken: cancellationToken);
        group.CompleteValidate();
    }
}
