using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SociaalDomein.Api.DailyCosts;
using SociaalDomein.Api.Requests;
using SociaalDomein.Api.Responses;
using SociaalDomein.Api.Security;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.Contracts;

/// <summary>
/// /api/contracts: year-to-date per contract (municipality × provider) against its ceiling, and the drill-down of a
/// contract-year total to the ledger lines and declaration messages it is the sum of.
/// </summary>
public static class ContractsApi
{
    private const string ContractRoute = "/{municipality}/{provider}/{year}";

    public static RouteGroupBuilder MapContractsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/contracts").WithTags("Contracts");

        group.MapGet("/", ListAsync).AllowRoles(ApiRoles.DataTeam, ApiRoles.ContractManager)
            .WithName("ListContracts").WithSummary("Year-to-date declared per contract, with ceiling use and traffic light");
        group.MapGet(ContractRoute, GetAsync).AllowRoles(ApiRoles.DataTeam, ApiRoles.ContractManager)
            .WithName("GetContractYear").WithSummary("One contract-year: total, ceiling use, and per product category");
        // Lines name a client (as pseudonym) and single prestaties: for the contract manager who has to explain a figure.
        group.MapGet(ContractRoute + "/lines", LinesAsync).AllowRoles(ApiRoles.ContractManager)
            .WithName("ListContractLines").WithSummary("The ledger lines a contract-year total is the sum of (client as pseudonym only)");
        group.MapGet(ContractRoute + "/messages", MessagesAsync).AllowRoles(ApiRoles.ContractManager)
            .WithName("ListContractMessages").WithSummary("The declaration messages behind a contract-year total, with their Kafka position");
        group.MapGet(ContractRoute + "/explain", ExplainAsync).AllowRoles(ApiRoles.ContractManager)
            .WithName("ExplainContractYear")
            .WithSummary("A contract-year total taken apart: debits and credits, its lines with the debit each credit cancels and signals, its messages, and refused duplicate lines");
        return group;
    }

    public static async Task<Results<Ok<Page<ContractYearToDateResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ContractsQuery query, HttpContext http, ContractQueries queries, TrafficLights lights, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (!MunicipalityScope.TryResolve(http.User, errors.Municipality("municipality", query.Municipality), out var municipalities, out var forbidden))
            return forbidden!;
        var filter = new ContractFilter(errors.Year("year", query.Year), municipalities, errors.Provider("provider", query.Provider));
        var page = PageRequest.Parse(errors, query.Limit, query.Offset);
        if (errors.Any) return errors.ToProblem();

        var rows = await queries.GetYearToDatePageAsync(filter, page.Limit, page.Offset, cancellationToken);
        var forecasts = await ContractForecasts.ForAsync(http.RequestServices.GetService<IGrainFactory>(), rows.Items, cancellationToken);
        return TypedResults.Ok(Page.From(rows,
            r => r.ToResponse(lights, forecasts.GetValueOrDefault((r.MunicipalityCode, r.ProviderAgb, r.Year))), page, http.Request));
    }

    public static async Task<Results<Ok<ContractDetailResponse>, ProblemHttpResult>> GetAsync(
        string municipality, string provider, string year, HttpContext http, ContractQueries queries, TrafficLights lights, CancellationToken cancellationToken)
    {
        if (!TryParseContractYear(http, municipality, provider, year, out var contract, out var budgetYear, out var problem)) return problem!;

        var total = (await queries.GetYearToDateAsync(new ContractFilter(budgetYear, [contract.MunicipalityCode], contract.ProviderAgb), cancellationToken))
            .SingleOrDefault();
        if (total is null)
            return Problems.NotFound($"Contract {contract} has neither declarations nor a ceiling in {budgetYear}.");

        var categories = await queries.GetCategoryTotalsAsync(contract, budgetYear, cancellationToken);
        var forecast = await ContractForecasts.ForAsync(http.RequestServices.GetService<IGrainFactory>(), contract, budgetYear);
        var basePath = $"{http.Request.PathBase}/api/contracts/{contract.MunicipalityCode}/{contract.ProviderAgb}/{budgetYear}";
        return TypedResults.Ok(new ContractDetailResponse(
            total.ToResponse(lights, forecast),
            categories.Select(c =>
            {
                var use = lights.For(c.DeclaredCents, c.CeilingCents);
                return new ContractCategoryResponse(c.ProductCategorie, c.DeclaredCents, c.CeilingCents, use.Percent, use.Status, c.LineCount);
            }).ToList(),
            basePath + "/lines",
            basePath + "/messages",
            forecast));
    }

    public static async Task<Results<Ok<Page<LedgerLine>>, ProblemHttpResult>> LinesAsync(
        string municipality, string provider, string year, string? limit, string? offset, HttpContext http, ContractQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var page = PageRequest.Parse(errors, limit, offset);
        if (!TryParseContractYear(http, municipality, provider, year, out var contract, out var budgetYear, out var problem, errors)) return problem!;
        return TypedResults.Ok(Page.From(await queries.GetLinesPageAsync(contract, budgetYear, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    public static async Task<Results<Ok<Page<ContractMessage>>, ProblemHttpResult>> MessagesAsync(
        string municipality, string provider, string year, string? limit, string? offset, HttpContext http, ContractQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var page = PageRequest.Parse(errors, limit, offset);
        if (!TryParseContractYear(http, municipality, provider, year, out var contract, out var budgetYear, out var problem, errors)) return problem!;
        return TypedResults.Ok(Page.From(await queries.GetMessagesPageAsync(contract, budgetYear, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    public static async Task<Results<Ok<ExplainResponse>, ProblemHttpResult>> ExplainAsync(
        string municipality, string provider, string year, string? limit, string? offset, HttpContext http, ExplainQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var page = PageRequest.Parse(errors, limit, offset);
        if (!TryParseContractYear(http, municipality, provider, year, out var contract, out var budgetYear, out var problem, errors)) return problem!;
        var filter = new ExplainFilter(Municipalities: [contract.MunicipalityCode], ProviderAgb: contract.ProviderAgb, Year: budgetYear);
        return TypedResults.Ok(await DailyCostsApi.ExplainTotalAsync(filter, page, http, queries, cancellationToken));
    }

    private static bool TryParseContractYear(HttpContext http, string municipality, string provider, string year,
        out ContractKey contract, out int budgetYear, out ProblemHttpResult? problem, RequestErrors? errors = null)
    {
        errors ??= new RequestErrors();
        var m = errors.Municipality("municipality", municipality, required: true);
        var p = errors.Provider("provider", provider, required: true);
        var y = errors.Year("year", year, required: true);
        contract = default;
        budgetYear = 0;
        problem = null;
        if (errors.Any)
        {
            problem = errors.ToProblem();
            return false;
        }
        if (!http.User.MaySee(m!))
        {
            problem = Problems.OutsideScope(http.User.KeyId(), m!);
            return false;
        }
        contract = new ContractKey(m!, p!);
        budgetYear = y!.Value;
        return true;
    }
}
