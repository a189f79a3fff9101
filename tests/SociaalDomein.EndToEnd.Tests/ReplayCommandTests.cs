using SociaalDomein.Cli;
using SociaalDomein.Host.Pipeline;

namespace SociaalDomein.EndToEnd.Tests;

/// <summary>
/// <c>sdstream replay</c> over a directory, through the real Kafka protocol (librdkafka mock cluster), an in-process
/// silo and a private PostgreSQL.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ReplayCommandTests : IDisposable
{
    private const string Nijmegen = "0268";
    private const string Beuningen = "0209";
    private const string ZorgA = "12345678";
    private const string ZorgB = "87654321";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-e2e-");

    [Fact]
    public async Task Replay_reports_exact_totals_daily_rows_and_each_crossed_threshold_once()
    {
        var input = _work.CreateSubdirectory("input");
        var january = new DateOnly(2026, 1, 1);
        var february = new DateOnly(2026, 2, 1);
        var march = new DateOnly(2026, 3, 1);
        var r2 = Jw.Debit("R2", 1001, "45", "45A03", february, 45, 9_500);
        var feb323 = Jw.Declaratie323("D-0002", new DateOnly(2026, 3, 4), Nijmegen, ZorgA, "202602", february, r2);
        Write(input, "2026-01-05_001_jw301.xml", Jw.Toewijzing301("T-0001", new DateOnly(2026, 1, 5), Nijmegen, ZorgA, 1001, "45", "45A03", january, 10));
        Write(input, "2026-02-05_002_jw323.xml", Jw.Declaratie323("D-0001", new DateOnly(2026, 2, 5), Nijmegen, ZorgA, "202601", january,
            Jw.Debit("R1", 1001, "45", "45A03", january, 40, 9_500)));
        Write(input, "2026-02-10_003_jw323.xml", Jw.Declaratie323("D-0001", new DateOnly(2026, 2, 10), Beuningen, ZorgB, "202601", january,
            Jw.Debit("B1", 2001, "41", "41A01", january, 20, 5_000)));
        Write(input, "2026-03-04_004_jw323.xml", feb323);
        Write(input, "2026-03-05_005_broken.xml", "<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw323/schema\"><Header>"u8.ToArray());
        Write(input, "2026-03-06_006_jw323_resent.xml", feb323);
        // A correction: credit R2 and declare R3 instead, here in a second declaration for February (TR319/IV090 also allow a later one).
        Write(input, "2026-04-03_007_jw323.xml", Jw.Declaratie323("D-0003", new DateOnly(2026, 4, 3), Nijmegen, ZorgA, "202602C", february,
            Jw.Credit(r2, "R2C"), Jw.Debit("R3", 1001, "45", "45A03", february, 40, 9_500)));
        Write(input, "2026-04-03_008_jw323.xml", Jw.Declaratie323("D-0004", new DateOnly(2026, 4, 3), Nijmegen, ZorgA, "202603", march,
            Jw.Debit("R4", 1001, "45", "45A03", march, 50, 9_500)));
        var ceilings = Path.Combine(_work.FullName, "ceilings.csv");
        File.WriteAllText(ceilings, "municipality,provider,year,ceiling_eur\n0268,12345678,2026,10000.00\n");
        var reportPath = Path.Combine(_work.FullName, "report.json");

        var exit = await SdStreamCli.Create().Parse(["replay", "--input", input.FullName, "--ceilings", ceilings, "--report", reportPath]).InvokeAsync();

        Assert.Equal(ExitCodes.Ok, exit);
        var report = PipelineReport.FromJson(File.ReadAllText(reportPath));
        Assert.Equal(6, report.Messages.Accepted); // 301 + five distinct 323s; the resent 323 has the same identity
        Assert.Equal(1, report.Messages.DeadLettered);

        // 380 000 (R1) + 427 500 (R2) − 427 500 (credit R2) + 380 000 (R3) + 475 000 (R4)
        var nijmegen = Assert.Single(report.Totals, t => t.Municipality == Nijmegen);
        Assert.Equal((ZorgA, 2026, 1_235_000L, (long?)1_000_000L, true), (nijmegen.Provider, nijmegen.Year, nijmegen.DeclaredCents, nijmegen.CeilingCents, nijmegen.Reconciled));
        var beuningen = Assert.Single(report.Totals, t => t.Municipality == Beuningen);
        Assert.Equal((ZorgB, 2026, 100_000L, (long?)null), (beuningen.Provider, beuningen.Year, beuningen.DeclaredCents, beuningen.CeilingCents));

        Assert.Equal(
        [
            new ReportDailyCost(new DateOnly(2026, 2, 5), Nijmegen, ZorgA, "45", 380_000, 1),
            new ReportDailyCost(new DateOnly(2026, 2, 10), Beuningen, ZorgB, "41", 100_000, 1),
            new ReportDailyCost(new DateOnly(2026, 3, 4), Nijmegen, ZorgA, "45", 427_500, 1),
            new ReportDailyCost(new DateOnly(2026, 4, 3), Nijmegen, ZorgA, "45", 427_500, 3),
        ], report.Daily);

        // Beuningen's line names allocation 2001, which was never sent: counted, and signalled 9338.
        Assert.Equal([new ReportSignalCount(Beuningen, ZorgB, "9338", 1)], report.Signals);

        var thresholds = report.Alerts.Where(a => a.Kind == "CeilingThreshold").ToList();
        Assert.Equal([75, 90, 100], thresholds.Select(a => a.ThresholdPercent!.Value));
        Assert.All(thresholds, a => Assert.Equal((Nijmegen, ZorgA, 2026, "open"), (a.Municipality, a.Provider, a.Year, a.Status)));
        // Raised when the February declaration crossed 75 % (€ 8 075), updated to the final € 12 350 since.
        Assert.All(thresholds, a => Assert.Equal((1_235_000L, 1_000_000L), (a.Figures!.Actual, a.Figures.Limit)));
        Assert.Equal(1_235_000, thresholds[2].DeclaredCents);
        // Beuningen declared on allocation 2001 that no 301 named.
        var withoutAllocation = Assert.Single(report.Alerts, a => a.Kind == "DeclarationWithoutAllocation");
        Assert.Equal((Beuningen, ZorgB, "open", 100_000L), (withoutAllocation.Municipality, withoutAllocation.Provider, withoutAllocation.Status,
            withoutAllocation.Figures!.Actual));
        Assert.Equal(["CeilingThreshold", "Pacing", "Forecast", "OverDeclaration", "DeclarationWithoutAllocation", "LeadTime"],
            report.AlertKinds!.Select(k => k.Kind));
    }

    [Fact]
    public async Task Replay_refuses_a_ceilings_file_with_a_clear_error_before_starting_anything()
    {
        var input = _work.CreateSubdirectory("input");
        var ceilings = Path.Combine(_work.FullName, "ceilings.csv");
        File.WriteAllText(ceilings, "municipality,provider,year,ceiling_eur\n268,12345678,2026,10000.00\n");
        var error = new StringWriter();
        var originalError = Console.Error;
        Console.SetError(error);
        int exit;
        try
        {
            exit = await SdStreamCli.Create().Parse(["replay", "--input", input.FullName, "--ceilings", ceilings, "--report", Path.Combine(_work.FullName, "r.json")]).InvokeAsync();
        }
        finally
        {
            Console.SetError(originalError);
        }

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("line 2, column 'municipality'", error.ToString());
        Assert.Contains("4-digit CBS municipality code", error.ToString());
    }

    private static void Write(DirectoryInfo directory, string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(directory.FullName, name), bytes);

    public void Dispose() => _work.Delete(recursive: true);
}
