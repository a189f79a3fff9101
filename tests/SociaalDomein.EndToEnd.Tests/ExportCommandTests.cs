using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Parquet;
using Parquet.Schema;
using SociaalDomein.Cli;
using SociaalDomein.Cli.Commands;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Storage.Embedded;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.EndToEnd.Tests;

/// <summary>The data team's CLI reads the figures of a running system from its database.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ExportCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-e2e-export-");

    [Fact]
    public async Task Export_writes_the_daily_totals_as_csv_and_report_contracts_prints_them_as_json()
    {
        var january = new DateOnly(2026, 1, 1);
        var february = new DateOnly(2026, 2, 1);
        var files = new[]
        {
            ("1.xml", Jw.Declaratie323("D1", new DateOnly(2026, 2, 5), "0268", "12345678", "202601", january,
                Jw.Debit("R1", 7, "45", "45A03", january, 10, 9_500), Jw.Debit("R2", 7, "41", "41A01", january, 3, 5_000))),
            ("2.xml", Jw.Declaratie323("D2", new DateOnly(2026, 3, 4), "0268", "12345678", "202602", february,
                Jw.Debit("R3", 7, "45", "45A03", february, 2, 9_500))),
        }.Select(f =>
        {
            var path = Path.Combine(_work.FullName, f.Item1);
            File.WriteAllBytes(path, f.Item2);
            return path;
        }).ToList();
        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("export");
        await using (var session = await PipelineSession.StartAsync(infrastructure.Settings, l => l.SetMinimumLevel(LogLevel.Warning)))
        {
            await session.WaitUntilProcessedAsync(await session.PublishAsync(files), TimeSpan.FromMinutes(2));
        }
        var csv = Path.Combine(_work.FullName, "daily.csv");
        var connection = infrastructure.Postgres.ConnectionString;

        var exit = await SdStreamCli.Create().Parse(["export", "--connection", connection, "--from", "2026-02-01", "--to", "2026-03-31", "--output", csv]).InvokeAsync();

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(
        [
            ExportCommand.CsvHeader,
            "2026-02-05,0268,12345678,41,ijw,15000,1",
            "2026-02-05,0268,12345678,45,ijw,95000,1",
            "2026-03-04,0268,12345678,45,ijw,19000,1",
        ], File.ReadAllLines(csv));

        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            exit = await SdStreamCli.Create().Parse(["report", "contracts", "--connection", connection, "--json"]).InvokeAsync();
        }
        finally
        {
            Console.SetOut(original);
        }
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("\"declaredCents\": 129000", output.ToString());
    }

    [Fact]
    public async Task Export_as_parquet_has_typed_columns_and_exactly_the_figures_of_the_csv_export_across_row_groups()
    {
        await using var postgres = await PrivatePostgres.StartAsync("export_parquet");
        var connection = await postgres.CreateDatabaseAsync("export");
        await using (var dataSource = NpgsqlDataSource.Create(connection))
        {
            await new MigrationRunner(dataSource).MigrateAsync();
            // More rows than one row group holds, amounts beyond 32 bits and negative (credits), codes with leading zeros.
            await using var seed = dataSource.CreateCommand($$"""
                INSERT INTO daily_costs (day, municipality_code, provider_agb, product_categorie, standard, amount_cents, line_count)
                SELECT date '2026-01-01' + (n % 365), lpad((n % 400)::text, 4, '0'), lpad((n / 400)::text, 8, '0'),
                       CASE WHEN n % 2 = 0 THEN '45' ELSE '05' END, CASE WHEN n % 2 = 0 THEN 'ijw' ELSE 'iwmo' END,
                       CASE WHEN n % 7 = 0 THEN -(n * 13) ELSE n::bigint * 98765 END, 1 + n % 9
                FROM generate_series(1, {{ExportCommand.ParquetRowGroupSize + 2_500}}) AS n;
                INSERT INTO daily_costs VALUES (date '2026-12-31', '0268', '00000001', '45', 'ijw', 1234567890123, 2147483647);
                """);
            await seed.ExecuteNonQueryAsync();
        }
        var csv = Path.Combine(_work.FullName, "daily.csv");
        var parquet = Path.Combine(_work.FullName, "daily.parquet");

        var csvExit = await SdStreamCli.Create().Parse(["export", "--connection", connection, "--output", csv]).InvokeAsync();
        var parquetExit = await SdStreamCli.Create().Parse(["export", "--connection", connection, "--format", "parquet", "--output", parquet]).InvokeAsync();
        var noFile = await SdStreamCli.Create().Parse(["export", "--connection", connection, "--format", "parquet"]).InvokeAsync();

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok, ExitCodes.BadInput), (csvExit, parquetExit, noFile));
        var (fields, groups, rows) = await ReadParquetAsync(parquet);
        Assert.Equal(
        [
            "date:INT32:DATE:REQUIRED", "municipality:BYTE_ARRAY:UTF8:REQUIRED", "provider:BYTE_ARRAY:UTF8:REQUIRED",
            "category:BYTE_ARRAY:UTF8:REQUIRED", "standard:BYTE_ARRAY:UTF8:REQUIRED", "amount_cents:INT64:INT_64:REQUIRED", "lines:INT32:INT_32:REQUIRED",
        ], fields);
        Assert.Equal(2, groups);
        var csvRows = File.ReadAllLines(csv);
        Assert.Equal(ExportCommand.CsvHeader, csvRows[0]);
        Assert.Equal(ExportCommand.ParquetRowGroupSize + 2_501, rows.Count);
        Assert.Equal(csvRows[1..], rows);
        Assert.Contains("2026-12-31,0268,00000001,45,ijw,1234567890123,2147483647", rows);
        Assert.Contains("2026-01-08,0007,00000000,05,iwmo,-91,8", rows);
    }

    /// <summary>Reads a Parquet file back as CSV lines, with its columns as name:physical:converted:repetition and its number of row groups.</summary>
    private static async Task<(List<string> Fields, int Groups, List<string> Rows)> ReadParquetAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path, new ParquetOptions { UseDateOnlyTypeForDates = true });
        var fields = reader.Schema.DataFields;
        var rows = new List<string>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var dates = new DateOnly[count];
            var strings = Enumerable.Range(0, 4).Select(_ => new string[count]).ToArray();
            var amounts = new long[count];
            var lines = new int[count];
            await group.ReadAsync<DateOnly>(fields[0], dates);
            for (var i = 0; i < 4; i++) await group.ReadAsync(fields[i + 1], strings[i]);
            await group.ReadAsync<long>(fields[5], amounts);
            await group.ReadAsync<int>(fields[6], lines);
            for (var r = 0; r < count; r++)
            {
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{dates[r]:yyyy-MM-dd},{strings[0][r]},{strings[1][r]},{strings[2][r]},{strings[3][r]},{amounts[r]},{lines[r]}"));
            }
        }
        // As stored in the file: physical type, converted (logical) type, and whether a value is required.
        var stored = fields.Select(f => $"{f.Name}:{f.SchemaElement!.Type}:{f.SchemaElement.ConvertedType?.ToString() ?? "-"}:{f.SchemaElement.RepetitionType}").ToList();
        return (stored, reader.RowGroupCount, rows);
    }

    public void Dispose() => _work.Delete(recursive: true);
}
