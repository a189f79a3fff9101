using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using SociaalDomein.Api.Requests;
using SociaalDomein.Api.Responses;
using SociaalDomein.Api.Security;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.DailyCosts;

/// <summary>
/// /api/daily-costs: declared cost per Dagtekening (the list and per-day totals), the daily insight per received Dutch
/// day (/insight), both as JSON or CSV, and the lines and messages behind any total (/explain).
/// </summary>
public static class DailyCostsApi
{
    public const int MaxCsvRows = 100_000;

    public static RouteGroupBuilder MapDailyCostsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/daily-costs").WithTags("Daily costs").AllowRoles(ApiRoles.DataTeam, ApiRoles.ContractManager);

        group.MapGet("/", ListAsync)
            .WithName("ListDailyCosts")
            .WithSummary("Daily costs, filtered by period, municipality, provider, category and standard (JSON or CSV)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/per-day", PerDayAsync)
            .WithName("ListDailyTotals")
            .WithSummary("Totals per day over the filtered daily costs (for the daily cost chart)");
        group.MapGet("/insight", InsightAsync)
            .WithName("ListDailyInsight")
            .WithSummary("Received per Dutch day × municipality × provider × category × standard: amount by service month, year to date, distinct clients, volume per unit (JSON or CSV)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        // Lines name a client (as pseudonym) and single prestaties: for the contract manager who has to explain a figure.
        group.MapGet("/explain", ExplainAsync).AllowRoles(ApiRoles.ContractManager)
            .WithName("ExplainDailyCosts")
            .WithSummary("The lines and messages a total (days, municipality, provider, budget year) is the sum of, credits with the debit they cancel, signals, and what was not counted");
        return group;
    }

    public static async Task<Results<Ok<Page<DailyCost>>, PushStreamHttpResult, ProblemHttpResult>> ListAsync(
        [AsParameters] DailyCostsQuery query, HttpContext http, DailyCostQueries queries, CancellationToken cancellationToken)
    {
        var csv = string.Equals(query.Format, "csv", StringComparison.OrdinalIgnoreCase)
                  || (query.Format is null && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));
        var errors = new RequestErrors();
        if (query.Format is not null && !csv && !string.Equals(query.Format, "json", StringComparison.OrdinalIgnoreCase))
            errors.Add("format", "allowed-values", "'format' must be json or csv.");
        if (!MunicipalityScope.TryResolve(http.User, errors.Municipality("municipality", query.Municipality), out var municipalities, out var forbidden))
            return forbidden!;
        var filter = query.ToFilter(errors, municipalities);
        var page = PageRequest.Parse(errors, csv ? query.Limit ?? MaxCsvRows.ToString(CultureInfo.InvariantCulture) : query.Limit, query.Offset,
            csv ? MaxCsvRows : PageRequest.MaxLimit);
        if (errors.Any) return errors.ToProblem();

        var rows = await queries.GetPageAsync(filter, page.Limit, page.Offset, cancellationToken);
        if (!csv) return TypedResults.Ok(Page.From(rows, page, http.Request));

        // A CSV body has no envelope, so the total and the next page travel in headers.
        http.Response.Headers["X-Total-Count"] = rows.Total.ToString(CultureInfo.InvariantCulture);
        if (Page.NextLink(http.Request, page, rows.Total) is { } next)
            http.Response.Headers[HeaderNames.Link] = $"<{next}>; rel=\"next\"";
        return TypedResults.Stream(stream => WriteCsvAsync(stream, rows.Items, cancellationToken), "text/csv; charset=utf-8", "daily-costs.csv");
    }

    public static async Task<Results<Ok<Page<DailyInsight>>, PushStreamHttpResult, ProblemHttpResult>> InsightAsync(
        [AsParameters] DailyCostsQuery query, HttpContext http, DailyInsightQueries queries, CancellationToken cancellationToken)
    {
        var csv = string.Equals(query.Format, "csv", StringComparison.OrdinalIgnoreCase)
                  || (query.Format is null && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));
        var errors = new RequestErrors();
        if (query.Format is not null && !csv && !string.Equals(query.Format, "json", StringComparison.OrdinalIgnoreCase))
            errors.Add("format", "allowed-values", "'format' must be json or csv.");
        if (!MunicipalityScope.TryResolve(http.User, errors.Municipality("municipality", query.Municipality), out var municipalities, out var forbidden))
            return forbidden!;
        var filter = query.ToFilter(errors, municipalities);
        var page = PageRequest.Parse(errors, csv ? query.Limit ?? MaxCsvRows.ToString(CultureInfo.InvariantCulture) : query.Limit, query.Offset,
            csv ? MaxCsvRows : PageRequest.MaxLimit);
        if (errors.Any) return errors.ToProblem();

        var rows = await queries.GetPageAsync(filter, page.Limit, page.Offset, cancellationToken);
        if (!csv) return TypedResults.Ok(Page.From(rows, page, http.Request));

        http.Response.Headers["X-Total-Count"] = rows.Total.ToString(CultureInfo.InvariantCulture);
        if (Page.NextLink(http.Request, page, rows.Total) is { } next)
            http.Response.Headers[HeaderNames.Link] = $"<{next}>; rel=\"next\"";
        return TypedResults.Stream(stream => WriteInsightCsvAsync(stream, rows.Items, cancellationToken), "text/csv; charset=utf-8", "daily-insight.csv");
    }

    public static async Task<Results<Ok<ExplainResponse>, ProblemHttpResult>> ExplainAsync(
        [AsParameters] ExplainQuery query, HttpContext http, ExplainQueries queries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (!MunicipalityScope.TryResolve(http.User, errors.Municipality("municipality", query.Municipality), out var municipalities, out var forbidden))
            return forbidden!;
        var filter = query.ToFilter(errors, municipalities);
        var page = PageRequest.Parse(errors, query.Limit, query.Offset);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(await ExplainTotalAsync(filter, page, http, queries, cancellationToken));
    }

    /// <summary>The total, one page of its lines, its messages and what was not counted (also for a contract-year).</summary>
    public static async Task<ExplainResponse> ExplainTotalAsync(ExplainFilter filter, PageRequest page, HttpContext http, ExplainQueries queries,
        CancellationToken cancellationToken)
    {
        var total = await queries.GetTotalAsync(filter, cancellationToken);
        var lines = await queries.GetLinesPageAsync(filter, page.Limit, page.Offset, cancellationToken);
        var messages = await queries.GetMessagesAsync(filter, cancellationToken);
        var notCounted = await queries.GetNotCountedAsync(filter, cancellationToken);
        return new ExplainResponse(total, Page.From(lines, page, http.Request), messages, notCounted);
    }

    /// <summary>
    /// RFC 4180 CSV, one row per day × contract × category × standard; the breakdowns are one field each
    /// ("2026-05:2500;2026-06:17500", "04:16") so the amount column never counts a day twice.
    /// </summary>
    public const string InsightCsvHeader =
        "date,municipality,provider,category,standard,amount_cents,lines,clients,ytd_amount_cents,ytd_lines,ytd_clients,service_months,volumes";

    public static async Task WriteInsightCsvAsync(Stream stream, IEnumerable<DailyInsight> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(InsightCsvHeader);
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line.Clear()
                .Append(row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(row.MunicipalityCode).Append(',')
                .Append(row.ProviderAgb).Append(',')
                .Append(CsvField(row.ProductCategorie)).Append(',')
                .Append(row.Standard).Append(',')
                .Append(row.AmountCents.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.LineCount.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.ClientCount.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.YtdAmountCents.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.YtdLineCount.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.YtdClientCount.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(string.Join(';', row.ServiceMonths.Select(m => $"{m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}:{m.AmountCents.ToString(CultureInfo.InvariantCulture)}"))).Append(',')
                .Append(CsvField(string.Join(';', row.Volumes.Select(v => $"{v.Eenheid}:{v.Volume.ToString(CultureInfo.InvariantCulture)}"))));
            await writer.WriteLineAsync(line, cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    public static async Task<Results<Ok<Page<DailyTotal>>, ProblemHttpResult>> PerDayAsync(
        [AsParameters] DailyCostsQuery query, HttpContext http, DailyCostQueries queries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (!MunicipalityScope.TryResolve(http.User, errors.Municipality("municipality", query.Municipality), out var municipalities, out var forbidden))
            return forbidden!;
        var filter = query.ToFilter(errors, municipalities);
        var page = PageRequest.Parse(errors, query.Limit, query.Offset);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(Page.From(await queries.GetTotalsPerDayPageAsync(filter, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    /// <summary>RFC 4180 CSV with a header row; amounts in eurocents so no decimal separator can be misread.</summary>
    public static async Task WriteCsvAsync(Stream stream, IEnumerable<DailyCost> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync("date,municipality,provider,category,standard,amount_cents,lines");
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line.Clear()
                .Append(row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(row.MunicipalityCode).Append(',')
                .Append(row.ProviderAgb).Append(',')
                .Append(CsvField(row.ProductCategorie)).Append(',')
                .Append(row.Standard).Append(',')
                .Append(row.AmountCents.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.LineCount.ToString(CultureInfo.InvariantCulture));
            await writer.WriteLineAsync(line, cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Codes are checked digits in the ledger, but a category column has no such check: quote what needs it.</summary>
    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
