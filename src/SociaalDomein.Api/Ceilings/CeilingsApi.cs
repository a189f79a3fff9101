using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SociaalDomein.Api.Requests;
using SociaalDomein.Api.Responses;
using SociaalDomein.Api.Security;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.Ceilings;

/// <summary>
/// /api/ceilings: budget ceilings (budgetplafonds), created and changed by an admin with an audit record each, after
/// which the contract grain reloads its ceilings so a crossed threshold raises its alert at once.
/// </summary>
public static class CeilingsApi
{
    public const long MaxCeilingCents = 100_000_000_000_00; // € 100 billion: anything above is a typing error.
    public const int MaxReasonLength = 500;

    public static RouteGroupBuilder MapCeilingsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/ceilings").WithTags("Ceilings");
        group.MapGet("/", ListAsync).AllowRoles(ApiRoles.Admin, ApiRoles.DataTeam, ApiRoles.ContractManager)
            .WithName("ListCeilings").WithSummary("Budget ceilings, filtered by year, municipality and provider");
        group.MapPost("/", CreateAsync).AllowRoles(ApiRoles.Admin).Accepts<CreateCeilingRequest>("application/json")
            .WithName("CreateCeiling").WithSummary("Create a ceiling (audited); 409 if it exists");
        group.MapGet("/{municipality}/{provider}/{year}", GetAsync).AllowRoles(ApiRoles.Admin, ApiRoles.DataTeam, ApiRoles.ContractManager)
            .WithName("GetCeiling").WithSummary("The ceiling of a contract-year for all categories");
        group.MapGet("/{municipality}/{provider}/{year}/{category}", GetAsync).AllowRoles(ApiRoles.Admin, ApiRoles.DataTeam, ApiRoles.ContractManager)
            .WithName("GetCategoryCeiling").WithSummary("The ceiling of a contract-year for one product category");
        group.MapPut("/{municipality}/{provider}/{year}", ChangeAsync).AllowRoles(ApiRoles.Admin).Accepts<ChangeCeilingRequest>("application/json")
            .WithName("ChangeCeiling").WithSummary("Change the ceiling for all categories (audited); 404 if there is none");
        group.MapPut("/{municipality}/{provider}/{year}/{category}", ChangeAsync).AllowRoles(ApiRoles.Admin).Accepts<ChangeCeilingRequest>("application/json")
            .WithName("ChangeCategoryCeiling").WithSummary("Change the ceiling of one product category (audited); 404 if there is none");
        group.MapGet("/changes", ChangesAsync).AllowRoles(ApiRoles.Admin)
            .WithName("ListCeilingChanges").WithSummary("The audit trail: who changed which ceiling from what to what, when and why");
        return group;
    }

    public static async Task<Results<Ok<Page<CeilingRecord>>, ProblemHttpResult>> ListAsync(
        string? year, string? municipality, string? provider, string? limit, string? offset, HttpContext http, CeilingQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (!MunicipalityScope.TryResolve(http.User, errors.Municipality("municipality", municipality), out var municipalities, out var forbidden))
            return forbidden!;
        var filter = new ContractFilter(errors.Year("year", year), municipalities, errors.Provider("provider", provider));
        var page = PageRequest.Parse(errors, limit, offset);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(Page.From(await queries.GetPageAsync(filter, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    public static async Task<Results<Ok<CeilingRecord>, ProblemHttpResult>> GetAsync(
        string municipality, string provider, string year, string? category, HttpContext http, CeilingQueries queries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var m = errors.Municipality("municipality", municipality, required: true);
        var p = errors.Provider("provider", provider, required: true);
        var y = errors.Year("year", year, required: true);
        var c = errors.Category("category", category);
        if (errors.Any) return errors.ToProblem();
        if (!http.User.MaySee(m!)) return Problems.OutsideScope(http.User.KeyId(), m!);

        var key = new BudgetCeiling(new ContractKey(m!, p!), y!.Value, c, 0);
        return await queries.GetAsync(key.Contract, key.Year, key.ProductCategorie, cancellationToken) is { } ceiling
            ? TypedResults.Ok(ceiling)
            : Problems.NotFound($"Contract {key.Contract} has no ceiling for {Describe(key)}.");
    }

    public static async Task<Results<Created<CeilingChangeResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext http, CeilingQueries queries, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var request = await JsonBody.ReadAsync<CreateCeilingRequest>(http.Request, errors, cancellationToken);
        if (errors.Any) return errors.ToProblem();
        var municipality = errors.Municipality("municipality", request?.Municipality, required: true);
        var provider = errors.Provider("provider", request?.Provider, required: true);
        var year = errors.Year("year", request?.Year, required: true);
        var category = errors.Category("category", request?.Category);
        var cents = CeilingCents(errors, request?.CeilingCents);
        var reason = errors.Text("reason", request?.Reason, MaxReasonLength, required: false);
        if (errors.Any) return errors.ToProblem();

        var ceiling = new BudgetCeiling(new ContractKey(municipality!, provider!), year!.Value, category, cents!.Value);
        var write = await queries.CreateAsync(ceiling, http.User.KeyId(), reason, clock.GetUtcNow(), cancellationToken);
        if (write.Outcome == CeilingWriteOutcome.AlreadyExists)
            return Problems.Conflict($"Contract {ceiling.Contract} already has a ceiling for {Describe(ceiling)}; change it with PUT {Location(http, ceiling)}.");

        var refreshed = await RefreshThresholdsAsync(http.RequestServices, ceiling.Contract, loggers);
        return TypedResults.Created(Location(http, ceiling), new CeilingChangeResponse(write.Change!, refreshed));
    }

    public static async Task<Results<Ok<CeilingChangeResponse>, ProblemHttpResult>> ChangeAsync(
        string municipality, string provider, string year, string? category, HttpContext http,
        CeilingQueries queries, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var request = await JsonBody.ReadAsync<ChangeCeilingRequest>(http.Request, errors, cancellationToken);
        if (errors.Any) return errors.ToProblem();
        var m = errors.Municipality("municipality", municipality, required: true);
        var p = errors.Provider("provider", provider, required: true);
        var y = errors.Year("year", year, required: true);
        var c = errors.Category("category", category);
        var cents = CeilingCents(errors, request?.CeilingCents);
        var reason = errors.Text("reason", request?.Reason, MaxReasonLength, required: false);
        if (errors.Any) return errors.ToProblem();

        var ceiling = new BudgetCeiling(new ContractKey(m!, p!), y!.Value, c, cents!.Value);
        var write = await queries.ChangeAsync(ceiling, http.User.KeyId(), reason, clock.GetUtcNow(), cancellationToken);
        if (write.Outcome == CeilingWriteOutcome.NotFound)
            return Problems.NotFound($"Contract {ceiling.Contract} has no ceiling for {Describe(ceiling)}; create it with POST /api/ceilings.");

        var refreshed = await RefreshThresholdsAsync(http.RequestServices, ceiling.Contract, loggers);
        return TypedResults.Ok(new CeilingChangeResponse(write.Change!, refreshed));
    }

    public static async Task<Results<Ok<Page<CeilingChange>>, ProblemHttpResult>> ChangesAsync(
        string? year, string? municipality, string? provider, string? limit, string? offset, HttpContext http, CeilingQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var m = errors.Municipality("municipality", municipality);
        var filter = new ContractFilter(errors.Year("year", year), m is null ? null : [m], errors.Provider("provider", provider));
        var page = PageRequest.Parse(errors, limit, offset);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(Page.From(await queries.GetChangesPageAsync(filter, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    /// <summary>
    /// Asks the contract grain to reload its ceilings and re-evaluate its thresholds now. Without a silo or client in this
    /// process (an API-only host) or when the call fails, the stored ceiling is picked up at the grain's next activation.
    /// </summary>
    private static async Task<bool> RefreshThresholdsAsync(IServiceProvider services, ContractKey contract, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(CeilingsApi).FullName!);
        if (services.GetService<IGrainFactory>() is not { } grains)
        {
            logger.LogWarning("Ceiling of contract {Contract} changed, but this process has no Orleans silo or client to re-evaluate its thresholds", contract);
            return false;
        }
        try
        {
            await grains.GetGrain<IContractGrain>(contract.ToString()).RefreshCeilingsAsync();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Ceiling of contract {Contract} changed, but re-evaluating its thresholds failed", contract);
            return false;
        }
    }

    private static long? CeilingCents(RequestErrors errors, long? cents)
    {
        if (cents is null)
        {
            errors.Add("ceilingCents", "required", "'ceilingCents' is required: the ceiling in eurocents.");
            return null;
        }
        if (cents is >= 0 and <= MaxCeilingCents) return cents;
        errors.Add("ceilingCents", "ceiling-range", $"'ceilingCents' must lie between 0 and {MaxCeilingCents} (eurocents).");
        return null;
    }

    private static string Describe(BudgetCeiling ceiling) =>
        ceiling.ProductCategorie is null ? $"{ceiling.Year} (all categories)" : $"{ceiling.Year}, product category {ceiling.ProductCategorie}";

    private static string Location(HttpContext http, BudgetCeiling ceiling) =>
        $"{http.Request.PathBase}/api/ceilings/{ceiling.Contract.MunicipalityCode}/{ceiling.Contract.ProviderAgb}/{ceiling.Year}" +
        (ceiling.ProductCategorie is null ? "" : "/" + ceiling.ProductCategorie);
}
