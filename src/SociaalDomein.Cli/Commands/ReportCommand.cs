using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using SociaalDomein.Storage.Queries;
using Spectre.Console;

namespace SociaalDomein.Cli.Commands;

/// <summary>
/// <c>sdstream report daily|contracts|alerts|explain</c>: the data team's and contract managers' figures from the PostgreSQL
/// database of a running system, as readable tables or (<c>--json</c>) as JSON.
/// </summary>
public static class ReportCommand
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("report", "Show daily costs, contract year-to-date, alerts or the lines behind a total from the database.");
        command.Subcommands.Add(Daily());
        command.Subcommands.Add(Contracts());
        command.Subcommands.Add(Alerts());
        command.Subcommands.Add(Explain());
        return command;
    }

    internal static Option<string> ConnectionOption() => new("--connection")
    {
        Description = "Npgsql connection string of the system's database (default: environment variable ConnectionStrings__Postgres).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? "",
    };

    internal static Option<string[]> MunicipalityOption() => new("--municipality") { Description = "CBS municipality code(s), e.g. 0268.", AllowMultipleArgumentsPerToken = true };
    internal static Option<string?> ProviderOption() => new("--provider") { Description = "AGB code of one provider." };
    internal static Option<DateOnly?> FromOption() => new("--from") { Description = "First day (yyyy-mm-dd), inclusive." };
    internal static Option<DateOnly?> ToOption() => new("--to") { Description = "Last day (yyyy-mm-dd), inclusive." };

    private static Command Daily()
    {
        var connection = ConnectionOption();
        var from = FromOption();
        var to = ToOption();
        var municipality = MunicipalityOption();
        var provider = ProviderOption();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var limit = new Option<int>("--limit") { Description = "At most this many rows.", DefaultValueFactory = _ => 200 };
        var dagtekening = new Option<bool>("--dagtekening") { Description = "Show daily_costs per Dagtekening (the providers' date on the message) instead of the received day." };
        var command = new Command("daily",
            "Costs received per Dutch day × municipality × provider × category × standard: amount, by service month, year to date, distinct clients, volume per unit.")
        {
            connection, from, to, municipality, provider, json, limit, dagtekening,
        };
        command.SetAction((parse, cancellationToken) => WithDatabaseAsync(parse.GetValue(connection)!, async dataSource =>
        {
            var filter = new DailyCostFilter(parse.GetValue(from), parse.GetValue(to), NullIfEmpty(parse.GetValue(municipality)), parse.GetValue(provider));
            if (parse.GetValue(dagtekening))
            {
                await PrintDailyCostsAsync(dataSource, filter, parse.GetValue(limit), parse.GetValue(json), cancellationToken);
                return;
            }
            var page = await new DailyInsightQueries(dataSource).GetPageAsync(filter, parse.GetValue(limit), 0, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(page, Json));
                return;
            }
            var table = new Table().Title($"Costs per received day ({page.Items.Count} of {page.Total} rows)")
                .AddColumns("Day", "Municipality", "Provider", "Category", "Standard", "Lines", "Amount", "By service month", "Clients",
                    "YTD amount", "YTD clients", "Volume per unit");
            foreach (var row in page.Items)
            {
                table.AddRow(row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.MunicipalityCode, row.ProviderAgb, row.ProductCategorie,
                    row.Standard, row.LineCount.ToString("N0", Dutch), Euro(row.AmountCents),
                    string.Join("\n", row.ServiceMonths.Select(m => $"{m.Month:yyyy-MM} {Euro(m.AmountCents)}")),
                    row.ClientCount.ToString("N0", Dutch), Euro(row.YtdAmountCents), row.YtdClientCount.ToString("N0", Dutch),
                    string.Join("\n", row.Volumes.Select(v => $"{v.Volume.ToString("N0", Dutch)} × {v.Eenheid}")));
            }
            AnsiConsole.Write(table);
        }));
        return command;
    }

    private static async Task PrintDailyCostsAsync(NpgsqlDataSource dataSource, DailyCostFilter filter, int limit, bool json, CancellationToken cancellationToken)
    {
        var page = await new DailyCostQueries(dataSource).GetPageAsync(filter, limit, 0, cancellationToken);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(page, Json));
            return;
        }
        var table = new Table().Title($"Daily costs per Dagtekening ({page.Items.Count} of {page.Total} rows)")
            .AddColumns("Dagtekening", "Municipality", "Provider", "Category", "Standard", "Lines", "Amount");
        foreach (var row in page.Items)
        {
            table.AddRow(row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.MunicipalityCode, row.ProviderAgb, row.ProductCategorie,
                row.Standard, row.LineCount.ToString("N0", Dutch), Euro(row.AmountCents));
        }
        AnsiConsole.Write(table);
    }

    private static Command Explain()
    {
        var connection = ConnectionOption();
        var from = new Option<DateOnly?>("--from") { Description = "First received day (yyyy-mm-dd), inclusive." };
        var to = new Option<DateOnly?>("--to") { Description = "Last received day (yyyy-mm-dd), inclusive." };
        var municipality = MunicipalityOption();
        var provider = ProviderOption();
        var year = new Option<int?>("--year") { Description = "Budget year (the year the ProductPeriode starts)." };
        var category = new Option<string?>("--category") { Description = "Product category, e.g. 45." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var limit = new Option<int>("--limit") { Description = "At most this many lines.", DefaultValueFactory = _ => 500 };
        var command = new Command("explain",
            "The lines and messages a total is the sum of (a day: --from/--to; a municipality; a contract-year: --municipality --provider --year), " +
            "credits with the debit they cancel, signals, and what was not counted.")
        {
            connection, from, to, municipality, provider, year, category, json, limit,
        };
        command.SetAction((parse, cancellationToken) => WithDatabaseAsync(parse.GetValue(connection)!, async dataSource =>
        {
            var filter = new ExplainFilter(parse.GetValue(from), parse.GetValue(to), NullIfEmpty(parse.GetValue(municipality)), parse.GetValue(provider),
                parse.GetValue(year), parse.GetValue(category));
            var queries = new ExplainQueries(dataSource);
            var total = await queries.GetTotalAsync(filter, cancellationToken);
            var lines = await queries.GetLinesPageAsync(filter, parse.GetValue(limit), 0, cancellationToken);
            var messages = await queries.GetMessagesAsync(filter, cancellationToken);
            var notCounted = await queries.GetNotCountedAsync(filter, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { total, lines, messages, notCounted }, Json));
                return;
            }
            AnsiConsole.MarkupLine(Markup.Escape(
                $"Total {Euro(total.AmountCents)} = debits {Euro(total.DebitCents)} + credits {Euro(total.CreditCents)}, " +
                $"{total.LineCount.ToString("N0", Dutch)} lines in {total.Messages.ToString("N0", Dutch)} messages, {total.LinesWithSignals} with signals"));
            var lineTable = new Table().Title($"Lines ({lines.Items.Count} of {lines.Total})")
                .AddColumns("Seq", "Received", "Message", "Referentie", "Category", "Period", "Volume", "Amount", "Debit/credit", "Signals");
            foreach (var l in lines.Items)
            {
                var pair = l.Cancels is { } debit ? $"cancels {debit.ReferentieNummer} ({Euro(debit.AmountCents)}, {debit.MessageId})"
                    : l.CancelledBy is { } credit ? $"cancelled by {credit.ReferentieNummer} ({credit.MessageId})"
                    : l.Line.VorigReferentieNummer is { } unknown ? $"cancels {unknown} (not in the ledger)" : "";
                lineTable.AddRow(l.Line.Sequence.ToString(CultureInfo.InvariantCulture), l.ReceivedDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Markup.Escape(l.Line.MessageId), Markup.Escape(l.Line.ReferentieNummer), l.Line.ProductCategorie,
                    $"{l.Line.PeriodBegin:yyyy-MM-dd}..{l.Line.PeriodEnd:yyyy-MM-dd}", $"{l.Line.GeleverdVolume} × {l.Line.Eenheid}", Euro(l.Line.AmountCents),
                    Markup.Escape(pair), Markup.Escape(string.Join("; ", l.Signals.Select(s => $"{s.Rule}{(s.Open ? "" : " (resolved)")}"))));
            }
            AnsiConsole.Write(lineTable);
            var messageTable = new Table().Title("Messages").AddColumns("Message", "Dagtekening", "Received (UTC)", "Lines", "Amount", "Kafka");
            foreach (var m in messages)
            {
                messageTable.AddRow(Markup.Escape(m.MessageId), m.Dagtekening.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    m.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), m.LineCount.ToString("N0", Dutch),
                    Euro(m.AmountCents), Markup.Escape($"{m.SourceTopic}[{m.SourcePartition}]@{m.SourceOffset}"));
            }
            AnsiConsole.Write(messageTable);
            if (notCounted.Count > 0)
            {
                var notCountedTable = new Table().Title("Not counted").AddColumns("Kind", "Message / record", "Referentie", "Rule", "Explanation");
                foreach (var n in notCounted)
                {
                    notCountedTable.AddRow(n.Kind, Markup.Escape(n.MessageId ?? $"{n.SourceTopic}[{n.SourcePartition}]@{n.SourceOffset}"),
                        Markup.Escape(n.ReferentieNummer ?? ""), Markup.Escape(n.Rule), Markup.Escape(n.Explanation));
                }
                AnsiConsole.Write(notCountedTable);
            }
        }));
        return command;
    }

    private static Command Contracts()
    {
        var connection = ConnectionOption();
        var year = new Option<int?>("--year") { Description = "Budget year." };
        var municipality = MunicipalityOption();
        var provider = ProviderOption();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("contracts", "Year-to-date declared per contract against its ceiling.") { connection, year, municipality, provider, json };
        command.SetAction((parse, cancellationToken) => WithDatabaseAsync(parse.GetValue(connection)!, async dataSource =>
        {
            var rows = await new ContractQueries(dataSource).GetYearToDateAsync(
                new ContractFilter(parse.GetValue(year), NullIfEmpty(parse.GetValue(municipality)), parse.GetValue(provider)), cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows, Json));
                return;
            }
            var table = new Table().Title("Contracts year-to-date").AddColumns("Year", "Municipality", "Provider", "Lines", "Declared", "Ceiling", "Use");
            foreach (var row in rows.OrderByDescending(r => r.CeilingCents is > 0 ? (decimal)r.DeclaredCents / r.CeilingCents.Value : -1))
            {
                var use = row.CeilingCents is > 0 ? row.DeclaredCents * 100m / row.CeilingCents.Value : (decimal?)null;
                var colour = use >= 100 ? "red" : use >= 90 ? "yellow" : use >= 75 ? "blue" : "green";
                table.AddRow(row.Year.ToString(CultureInfo.InvariantCulture), row.MunicipalityCode, row.ProviderAgb, row.LineCount.ToString("N0", Dutch),
                    Euro(row.DeclaredCents), row.CeilingCents is { } c ? Euro(c) : "", use is { } u ? $"[{colour}]{u.ToString("0.0", Dutch)}%[/]" : "");
            }
            AnsiConsole.Write(table);
        }));
        return command;
    }

    private static Command Alerts()
    {
        var connection = ConnectionOption();
        var municipality = MunicipalityOption();
        var provider = ProviderOption();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var limit = new Option<int>("--limit") { Description = "At most this many alerts, newest first.", DefaultValueFactory = _ => 100 };
        var command = new Command("alerts", "Alerts, newest first, with their acknowledgement.") { connection, municipality, provider, json, limit };
        command.SetAction((parse, cancellationToken) => WithDatabaseAsync(parse.GetValue(connection)!, async dataSource =>
        {
            var page = await new AlertQueries(dataSource).GetPageAsync(
                new AlertFilter(Municipalities: NullIfEmpty(parse.GetValue(municipality)), ProviderAgb: parse.GetValue(provider)), parse.GetValue(limit), 0, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(page, Json));
                return;
            }
            var table = new Table().Title($"Alerts ({page.Items.Count} of {page.Total})").AddColumns("Raised", "Severity", "Kind", "Municipality", "Provider", "Description", "Acknowledged");
            foreach (var alert in page.Items)
            {
                table.AddRow(alert.RaisedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), alert.Severity, alert.Kind, alert.MunicipalityCode,
                    alert.ProviderAgb, Markup.Escape(alert.Description), Markup.Escape(alert.AcknowledgedBy ?? ""));
            }
            AnsiConsole.Write(table);
        }));
        return command;
    }

    internal static async Task<int> WithDatabaseAsync(string connectionString, Func<NpgsqlDataSource, Task> action)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync("sdstream: --connection (or ConnectionStrings__Postgres) is required: the Npgsql connection string of the system's database.");
            return ExitCodes.BadInput;
        }
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await action(dataSource);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"sdstream: the database could not be read: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    internal static IReadOnlyCollection<string>? NullIfEmpty(string[]? values) => values is { Length: > 0 } ? values : null;

    private static string Euro(long cents) => (cents / 100m).ToString("€ #,##0.00", Dutch);
}
