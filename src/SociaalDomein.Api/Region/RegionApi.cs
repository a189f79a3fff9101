using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SociaalDomein.Api.Contracts;
using SociaalDomein.Api.Requests;
using SociaalDomein.Api.Responses;
using SociaalDomein.Api.Security;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.Region;

/// <summary>/api/municipalities: the regional overview, spend against ceilings per municipality.</summary>
public static class RegionApi
{
    public static RouteGroupBuilder MapRegionApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/municipalities").WithTags("Region").AllowRoles(ApiRoles.DataTeam, ApiRoles.ContractManager);
        group.MapGet("/", ListAsync).WithName("ListMunicipalities")
            .WithSummary("Spend against ceilings per municipality for a budget year (default: the current year), with traffic lights");
        return group;
    }

    public static async Task<Results<Ok<Page<MunicipalityOverview>>, ProblemHttpResult>> ListAsync(
        string? year, string? limit, string? offset, HttpContext http, ContractQueries queries, TrafficLights lights, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var budgetYear = errors.Year("year", year) ?? BudgetYear.Current(clock);
        var page = PageRequest.Parse(errors, limit, offset);
        if (errors.Any) return errors.ToProblem();

        MunicipalityScope.TryResolve(http.User, null, out var municipalities, out _);
        var contracts = await queries.GetYearToDateAsync(new ContractFilter(budgetYear, municipalities), cancellationToken);
        var overview = Summarise(contracts, budgetYear, lights);
        return TypedResults.Ok(Page.FromAll(overview, page, http.Request));
    }

    public static IReadOnlyList<MunicipalityOverview> Summarise(IReadOnlyList<ContractYearToDate> contracts, int year, TrafficLights lights) =>
        contracts.GroupBy(c => c.MunicipalityCode, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var withCeiling = g.Where(c => c.CeilingCents is not null).ToList();
                var ceiling = withCeiling.Sum(c => c.CeilingCents!.Value);
                var underCeiling = withCeiling.Sum(c => c.DeclaredCents);
                var use = lights.For(underCeiling, withCeiling.Count == 0 ? null : ceiling);
                var lightsPerContract = g.Select(c => c.ToResponse(lights).Status).ToList();
                return new MunicipalityOverview(g.Key, year, g.Sum(c => c.DeclaredCents), underCeiling, ceiling, use.Percent, use.Status,
                    g.Count(), lightsPerContract.Count(s => s == CeilingUse.Amber), lightsPerContract.Count(s => s == CeilingUse.Red));
            })
            .ToList();
}
