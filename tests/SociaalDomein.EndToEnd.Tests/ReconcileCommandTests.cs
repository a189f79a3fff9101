using Npgsql;
using SociaalDomein.Cli;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Storage.Embedded;
using SociaalDomein.Storage.Ledger;
using SociaalDomein.Storage.Migrations;
using Spectre.Console;

namespace SociaalDomein.EndToEnd.Tests;

/// <summary>
/// <c>sdstream reconcile</c> against a database the ledger wrote: 0 while the daily totals equal the ledger, 3 with the
/// differing figure named once a daily row is changed behind the ledger's back.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ReconcileCommandTests
{
    private const string Client = "5b1d3c9e0f2a4b6c8d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e";

    private static DeclarationLine Line(string reference, long cents, string message, string? credits = null) => new(
        Standard.IJw, "0268", "12345678", reference, credits, message[^2..], message, new DateOnly(2026, 7, 1), 4_000_001, "45", "45A03",
        new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), 10, "04", Math.Abs(cents) / 10, cents, Client, "istd.ijw", 0, 1);

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var originalOut = Console.Out;
        var originalConsole = AnsiConsole.Console;
        Console.SetOut(output);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        AnsiConsole.Console.Profile.Width = 400;
        try
        {
            return (await SdStreamCli.Create().Parse(args).InvokeAsync(), output.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            AnsiConsole.Console = originalConsole;
        }
    }

    [Fact]
    public async Task Reconcile_exits_0_while_the_daily_totals_equal_the_ledger_and_3_naming_the_exact_difference_of_a_corrupted_row()
    {
        await using var postgres = await PrivatePostgres.StartAsync("reconcile");
        var connection = await postgres.CreateDatabaseAsync("figures");
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await new MigrationRunner(dataSource).MigrateAsync();
        // D1 on 1 July (10:00 UTC), D2 at 23:30 UTC on 1 July: 2 July in Amsterdam, crediting R1.
        var clock = new Clock { UtcNow = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero) };
        var ledger = new PostgresDeclarationLedger(dataSource, clock);
        await ledger.AppendAsync([Line("R1", 12_500, "ijw:323:12345678:D1"), Line("R2", 5_000, "ijw:323:12345678:D1")]);
        clock.UtcNow = new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero);
        await ledger.AppendAsync([Line("C1", -12_500, "ijw:323:12345678:D2", credits: "R1"), Line("R3", 10_000, "ijw:323:12345678:D2")]);
        string[] reconcileJuly = ["reconcile", "--connection", connection, "--from", "2026-07-01", "--to", "2026-07-31", "--municipality", "0268"];

        var (equalExit, equalOutput) = await RunAsync(reconcileJuly);

        Assert.Equal(ExitCodes.Ok, equalExit);
        Assert.Contains("Reconciled 2026-07-01 to 2026-07-31, municipality 0268: 4 ledger lines received, € 150,00", equalOutput);

        await using (var corrupt = dataSource.CreateCommand("UPDATE daily_insight SET amount_cents = amount_cents - 1 WHERE day = '2026-07-02'"))
            await corrupt.ExecuteNonQueryAsync();

        var (differentExit, differentOutput) = await RunAsync(reconcileJuly);
        var (jsonExit, json) = await RunAsync([.. reconcileJuly, "--json"]);

        Assert.Equal(ExitCodes.NotReconciled, differentExit);
        Assert.Equal(3, ExitCodes.NotReconciled);
        Assert.Contains("NOT reconciled", differentOutput);
        Assert.Matches(@"daily-insight\s*[│|]\s*2026-07-02 0268×12345678 cat 45 ijw month 2026-06 unit 04\s*[│|]\s*amount_cents\s*[│|]\s*-2,500\s*[│|]\s*-2,501\s*[│|]\s*-1", differentOutput);
        Assert.Matches(@"year-to-date\s*[│|]\s*year to 2026-07-31 0268×12345678 cat 45 ijw\s*[│|]\s*amount_cents\s*[│|]\s*15,000\s*[│|]\s*14,999\s*[│|]\s*-1", differentOutput);
        Assert.Equal(ExitCodes.NotReconciled, jsonExit);
        Assert.Contains("\"subject\": \"2026-07-02 0268×12345678 cat 45 ijw month 2026-06 unit 04\"", json);
        Assert.Contains("\"difference\": -1", json);

        Assert.Equal(ExitCodes.Ok, (await RunAsync(["reconcile", "--connection", connection, "--from", "2026-07-01", "--to", "2026-07-01"])).Exit);
    }

    [Fact]
    public async Task Report_daily_shows_the_received_day_figures_and_report_explain_the_lines_behind_a_day_credit_and_cancelled_debit_included()
    {
        await using var postgres = await PrivatePostgres.StartAsync("report_insight");
        var connection = await postgres.CreateDatabaseAsync("figures");
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await new MigrationRunner(dataSource).MigrateAsync();
        var clock = new Clock { UtcNow = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero) };
        var ledger = new PostgresDeclarationLedger(dataSource, clock);
        await ledger.AppendAsync([Line("R1", 12_500, "ijw:323:12345678:D1"), Line("R2", 5_000, "ijw:323:12345678:D1")]);
        clock.UtcNow = new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero);
        await ledger.AppendAsync([Line("C1", -12_500, "ijw:323:12345678:D2", credits: "R1"), Line("R3", 10_000, "ijw:323:12345678:D2")]);

        var (dailyExit, daily) = await RunAsync("report", "daily", "--connection", connection, "--from", "2026-07-02", "--json");
        var (explainExit, explain) = await RunAsync("report", "explain", "--connection", connection, "--from", "2026-07-02", "--to", "2026-07-02", "--json");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (dailyExit, explainExit));
        using var dailyJson = System.Text.Json.JsonDocument.Parse(daily);
        var row = Assert.Single(dailyJson.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(("2026-07-02", -2_500L, 2L, 1L, 15_000L, 1L), (row.GetProperty("day").GetString(), row.GetProperty("amountCents").GetInt64(),
            row.GetProperty("lineCount").GetInt64(), row.GetProperty("clientCount").GetInt64(), row.GetProperty("ytdAmountCents").GetInt64(),
            row.GetProperty("ytdClientCount").GetInt64()));
        using var explainJson = System.Text.Json.JsonDocument.Parse(explain);
        var total = explainJson.RootElement.GetProperty("total");
        Assert.Equal((-2_500L, 10_000L, -12_500L), (total.GetProperty("amountCents").GetInt64(), total.GetProperty("debitCents").GetInt64(),
            total.GetProperty("creditCents").GetInt64()));
        var credit = explainJson.RootElement.GetProperty("lines").GetProperty("items")[0];
        Assert.Equal(("C1", "R1", "2026-07-01"), (credit.GetProperty("line").GetProperty("referentieNummer").GetString(),
            credit.GetProperty("cancels").GetProperty("referentieNummer").GetString(), credit.GetProperty("cancels").GetProperty("receivedDay").GetString()));
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset UtcNow { get; set; }

        public override DateTimeOffset GetUtcNow() => UtcNow;
    }
}
