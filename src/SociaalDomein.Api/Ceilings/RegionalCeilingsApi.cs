using System.Security.Claims;
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
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.Ceilings;

/// <summary>
/// /api/regional-ceilings: ceilings agreed with a provider for a whole region, held against what the participating
/// municipalities declare. Created and changed by an admin, audited in the same trail as the contract ceilings, after
/// which the regional ceiling grain re-evaluates so a crossed threshold raises (or a relieved one resolves) its alert at once.
/// </summary>
public static class RegionalCeilingsApi
{
    /// <summary>More than the Netherlands has municipalities: a longer list is a mistake.</summary>
    public const int MaxParticipants = 400;

    public static RouteGroupBuilder MapRegionalCeilingsApi(this IEndpointRouteBuilder api)
    {
        string[] readers = [ApiRoles.Admin, ApiRoles.DataTeam, ApiRoles.ContractManager];
        var group = api.MapGroup("/regional-ceilings").WithTags("Ceilings");
        group.MapGet("/", ListAsync).AllowRoles(readers)
            .WithName("ListRegionalCeilings").WithSummary("Region-wide ceilings, filtered by year, region, provider and participating municipality");
        group.MapPost("/", CreateAsync).AllowRoles(ApiRoles.Admin).Accepts<CreateRegionalCeilingRequest>("application/json")
            .WithName("CreateRegionalCeiling").WithSummary("Create a region-wide ceiling (audited, re-evaluated at once); 409 if it exists");
        group.MapGet("/{region}/{provider}/{year}", GetAsync).AllowRoles(readers)
            .WithName("GetRegionalCeiling").WithSummary("The region-wide ceiling of a provider and year for all categories");
        group.MapGet("/{region}/{provider}/{year}/{category}", GetAsync).AllowRoles(readers)
            .WithName("GetRegionalCategoryCeiling").WithSummary("The region-wide ceiling of a provider and year for one product category");
        group.MapPut("/{region}/{provider}/{year}", ChangeAsync).AllowRoles(ApiRoles.Admin).Accepts<ChangeRegionalCeilingRequest>("application/json")
            .WithName("ChangeRegionalCeiling").WithSummary("Change the amount or participants for all categories (audited, re-evaluated at once); 404 if there is none");
        group.MapPut("/{region}/{provider}/{year}/{category}", ChangeAsync).AllowRoles(ApiRoles.Admin).Accepts<ChangeRegionalCeilingRequest>("application/json")
            .WithName("ChangeRegionalCategoryCeiling").WithSummary("Change the amount or participants of one product category (audited, re-evaluated at once); 404 if there is none");
        group.MapGet("/changes", ChangesAsync).AllowRoles(ApiRoles.Admin)
            .WithName("ListRegionalCeilingChanges").WithSummary("The audit trail: who changed which region-wide ceiling from what to what, when and why");
        return group;
    }

    public static async Task<Results<Ok<Page<RegionalCeilingRecord>>, ProblemHttpResult>> ListAsync(
        string? year, string? region, string? provider, string? municipality, string? limit, string? offset, HttpContext http,
        RegionalCeilingQueries queries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        // A contract manager sees the region-wide ceilings one of their municipalities takes part in.
        if (!MunicipalityScope.TryResolve(http.User, errors.Municipality("municipality", municipality), out var municipalities, out var forbidden))
            return forbidden!;
        var filter = new RegionalCeilingFilter(errors.Year("year", year), errors.Region("region", region), errors.Provider("provider", provider), municipalities);
        var page = PageRequest.Parse(errors, limit, offset);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(Page.From(await queries.GetPageAsync(filter, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    public static async Task<Results<Ok<RegionalCeilingRecord>, ProblemHttpResult>> GetAsync(
        string region, string provider, string year, string? category, HttpContext http, RegionalCeilingQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var r = errors.Region("region", region, required: true);
        var p = errors.Provider("provider", provider, required: true);
        var y = errors.Year("year", year, required: true);
        var c = errors.Category("category", category);
        if (errors.Any) return errors.ToProblem();

        if (await queries.GetAsync(r!, p!, y!.Value, c, cancellationToken) is not { } ceiling)
            return Problems.NotFound($"Provider {p} has no region-wide ceiling in {r} for {Describe(y.Value, c)}.");
        if (!SeesAnyOf(http.User, ceiling.Participants))
            return TypedResults.Problem(
                $"API key '{http.User.KeyId()}' may not see the region-wide ceiling of {r} for provider {p}: none of its participating municipalities is on the key.",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        return TypedResults.Ok(ceiling);
    }

    public static async Task<Results<Created<RegionalCeilingChangeResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext http, RegionalCeilingQueries queries, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var request = await JsonBody.ReadAsync<CreateRegionalCeilingRequest>(http.Request, errors, cancellationToken);
        if (errors.Any) return errors.ToProblem();
        var region = errors.Region("region", request?.Region, required: true);
        var provider = errors.Provider("provider", request?.Provider, required: true);
        var year = errors.Year("year", request?.Year, required: true);
        var category = errors.Category("category", request?.Category);
        var cents = CeilingCents(errors, request?.CeilingCents);
        var participants = Participants(errors, request?.Participants, required: true);
        var reason = errors.Text("reason", request?.Reason, CeilingsApi.MaxReasonLength, required: false);
        if (errors.Any) return errors.ToProblem();

        var write = await queries.CreateAsync(region!, provider!, year!.Value, category, cents!.Value, participants!, http.User.KeyId(), reason,
            clock.GetUtcNow(), cancellationToken);
        if (write.Outcome == CeilingWriteOutcome.AlreadyExists)
            return Problems.Conflict($"Provider {provider} already has a region-wide ceiling in {region} for {Describe(year.Value, category)}; " +
                                     $"change it with PUT {Location(http, region!, provider!, year.Value, category)}.");

        var (evaluated, changed) = await EvaluateAsync(http.RequestServices, region!, provider!, loggers);
        return TypedResults.Created(Location(http, region!, provider!, year.Value, category), new RegionalCeilingChangeResponse(write.Change!, evaluated, changed));
    }

    public static async Task<Results<Ok<RegionalCeilingChangeResponse>, ProblemHttpResult>> ChangeAsync(
        string region, string provider, string year, string? category, HttpContext http, RegionalCeilingQueries queries, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var request = await JsonBody.ReadAsync<ChangeRegionalCeilingRequest>(http.Request, errors, cancellationToken);
        if (errors.Any) return errors.ToProblem();
        var r = errors.Region("region", region, required: true);
        var p = errors.Provider("provider", provider, required: true);
        var y = errors.Year("year", year, required: true);
        var c = errors.Category("category", category);
        var cents = CeilingCents(errors, request?.CeilingCents);
        var participants = Participants(errors, request?.Participants, required: false);
        var reason = errors.Text("reason", request?.Reason, CeilingsApi.MaxReasonLength, required: false);
        if (errors.Any) return errors.ToProblem();

        var write = await queries.ChangeAsync(r!, p!, y!.Value, c, cents!.Value, participants, http.User.KeyId(), reason, clock.GetUtcNow(), cancellationToken);
        if (write.Outcome == CeilingWriteOutcome.NotFound)
            return Problems.NotFound($"Provider {p} has no region-wide ceiling in {r} for {Describe(y.Value, c)}; create it with POST /api/regional-ceilings.");

        var (evaluated, changed) = await EvaluateAsync(http.RequestServices, r!, p!, loggers);
        return TypedResults.Ok(new RegionalCeilingChangeResponse(write.Change!, evaluated, changed));
    }

    public static async Task<Results<Ok<Page<RegionalCeilingChange>>, ProblemHttpResult>> ChangesAsync(
        string? year, string? region, string? provider, string? limit, string? offset, HttpContext http, RegionalCeilingQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var filter = new RegionalCeilingFilter(errors.Year("year", year), errors.Region("region", region), errors.Provider("provider", provider));
        var page = PageRequest.Parse(errors, limit, offset);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(Page.From(await queries.GetChangesPageAsync(filter, page.Limit, page.Offset, cancellationToken), page, http.Request));
    }

    /// <summary>
    /// Asks the regional ceiling grain of (region, provider) to reload its ceilings and re-evaluate now, as the daily
    /// evaluation does. Without a silo or client in this process, or when the call fails, the next evaluation judges it.
    /// </summary>
    private static async Task<(bool Evaluated, IReadOnlyList<string> Changed)> EvaluateAsync(IServiceProvider services, string region, string provider,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(RegionalCeilingsApi).FullName!);
        if (services.GetService<IGrainFactory>() is not { } grains)
        {
            logger.LogWarning("Region-wide ceiling of {Region} for provider {Provider} changed, but this process has no Orleans silo or client to re-evaluate it",
                region, provider);
            return (false, []);
        }
        try
        {
            return (true, await grains.GetGrain<IRegionalCeilingGrain>($"{region}:{provider}").EvaluateAsync());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Region-wide ceiling of {Region} for provider {Provider} changed, but re-evaluating it failed", region, provider);
            return (false, []);
        }
    }

    private static long? CeilingCents(RequestErrors errors, long? cents)
    {
        if (cents is null)
        {
            errors.Add("ceilingCents", "required", "'ceilingCents' is required: the ceiling in eurocents.");
            return null;
        }
        // Unlike a contract ceiling, 0 is refused: a region-wide ceiling of nothing is no agreement (regional_ceilings checks > 0).
        if (cents is > 0 and <= CeilingsApi.MaxCeilingCents) return cents;
        errors.Add("ceilingCents", "ceiling-range", $"'ceilingCents' must lie between 1 and {CeilingsApi.MaxCeilingCents} (eurocents).");
        return null;
    }

    /// <summary>The participating CBS codes, each checked, without duplicates and in order so the audit trail compares plainly.</summary>
    private static IReadOnlyList<string>? Participants(RequestErrors errors, IReadOnlyList<string?>? participants, bool required)
    {
        if (participants is null)
        {
            if (required) errors.Add("participants", "required", "'participants' is required: the CBS codes of the municipalities in the contract.");
            return null;
        }
        if (participants.Count == 0)
        {
            errors.Add("participants", "not-empty", "'participants' must name at least one municipality.");
            return null;
        }
        if (participants.Count > MaxParticipants)
        {
            errors.Add("participants", "max-count", $"'participants' may name at most {MaxParticipants} municipalities.");
            return null;
        }
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < participants.Count; i++)
        {
            if (errors.Municipality($"participants[{i}]", participants[i], required: true) is not { } code) continue;
            if (!codes.Add(code)) errors.Add($"participants[{i}]", "duplicate", $"'participants[{i}]' names municipality {code} a second time.");
        }
        return codes.ToList();
    }

    private static bool SeesAnyOf(ClaimsPrincipal user, IReadOnlyList<string> participants) =>
        user.MunicipalityScope() is not { } scope || participants.Any(scope.Contains);

    private static string Describe(int year, string? category) =>
        category is null ? $"{year} (all categories)" : $"{year}, product category {category}";

    private static string Location(HttpContext http, string region, string provider, int year, string? category) =>
        $"{http.Request.PathBase}/api/regional-ceilings/{region}/{provider}/{year}" + (category is null ? "" : "/" + category);
}
