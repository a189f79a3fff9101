using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using SociaalDomein.Storage.Queries;
using Spectre.Console;

namespace SociaalDomein.Cli.Commands;

/// <summary>
/// <c>sdstream report daily|contracts|alerts</c>: the data team's and contract managers' figures from the PostgreSQL
/// database of a running system, as readable tables or (<c>--json</c>) as JSON.
/// </summary>
public static class ReportCommand
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("report", "Show daily costs, contract year-to-date or alerts from the database.");
        command.Subcommands.Add(Daily());
        command.Subcommands.Add(Contracts());
        command.Subcommands.Add(Alerts());
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
        var command = new Command("daily", "Declared costs per day × municipality × provider × category.") { connection, from, to, municipality, provider, json, limit };
        command.SetAction((parse, cancellationToken) => WithDatabaseAsync(parse.GetValue(connection)!, async dataSource =>
        {
            var filter = new DailyCostFilter(parse.GetValue(from), parse.GetValue(to), NullIfEmpty(parse.GetValue(municipality)), parse.GetValue(provider));
            var page = await new DailyCostQueries(dataSource).GetPageAsync(filter, parse.GetValue(limit), 0, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(page, Json));
                return;
            }
            var table = new Table().Title($"Daily costs ({page.Items.Count} of {page.Total} rows)")
                .AddColumns("Day", "Municipality", "Provider", "Category", "Standard", "Lines", "Amount");
            foreach (var row in page.Items)
            {
                table.AddRow(row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.MunicipalityCode, row.ProviderAgb, row.ProductCategorie,
                    row.Standard, row.LineCount.ToString("N0", Dutch), Euro(row.AmountCents));
            }
            AnsiConsole.Write(table);
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
