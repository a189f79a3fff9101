using Microsoft.Extensions.Logging;
using SociaalDomein.Cli;
using SociaalDomein.Cli.Commands;
using SociaalDomein.Host.Pipeline;

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

    public void Dispose() => _work.Delete(recursive: true);
}
