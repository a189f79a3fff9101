using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SociaalDomein.Api.Contracts;
using SociaalDomein.Api.Requests;
using SociaalDomein.Api.Responses;
using SociaalDomein.Api.Security;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.Providers;

/// <summary>/api/providers: a provider's ceiling use over the budget year (the provider page of the dashboard).</summary>
public static class ProvidersApi
{
    public static RouteGroupBuilder MapProvidersApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/providers").WithTags("Providers").AllowRoles(ApiRoles.DataTeam, ApiRoles.ContractManager);
        group.MapGet("/{provider}/ceiling-use", CeilingUseAsync).WithName("GetProviderCeilingUse")
            .WithSummary("Running total declared per day of a budget year against the provider's ceilings, with its contracts");
        return group;
    }

    public static async Task<Results<Ok<ProviderCeilingUse>, ProblemHttpResult>> CeilingUseAsync(
        string provider, string? year, string? municipality, HttpContext http, ContractQueries queries, TrafficLights lights, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var agb = errors.Provider("provider", provider, required: true);
        var budgetYear = errors.Year("year", year) ?? BudgetYear.Current(clock);
        if (!MunicipalityScope.TryResolve(http.User, errors.Municipality("municipality", municipality), out var municipalities, out var forbidden))
            return forbidden!;
        if (errors.Any) return errors.ToProblem();

        var filter = new ContractFilter(budgetYear, municipalities, agb);
        var contracts = await queries.GetYearToDateAsync(filter, cancellationToken);
        var points = await queries.GetCumulativeByDayAsync(filter, cancellationToken);
        var withCeiling = contracts.Where(c => c.CeilingCents is not null).ToList();
        long? ceiling = withCeiling.Count == 0 ? null : withCeiling.Sum(c => c.CeilingCents!.Value);
        var declared = contracts.Sum(c => c.DeclaredCents);
        var declaredUnderCeiling = withCeiling.Sum(c => c.DeclaredCents);
        var use = lights.For(declaredUnderCeiling, ceiling);

        var forecasts = await ContractForecasts.ForAsync(http.RequestServices.GetService<IGrainFactory>(), contracts, cancellationToken);
        var responses = contracts.Select(c => c.ToResponse(lights, forecasts.GetValueOrDefault((c.MunicipalityCode, c.ProviderAgb, c.Year)))).ToList();
        ProviderForecast? forecast = null;
        if (ceiling is { } total && responses.Where(c => c.CeilingCents is not null).All(c => c.Forecast is not null))
        {
            var projected = responses.Where(c => c.Forecast is not null).Sum(c => c.Forecast!.ProjectedCents);
            forecast = new ProviderForecast(projected, total, declaredUnderCeiling, projected > total);
        }
        return TypedResults.Ok(new ProviderCeilingUse(agb!, budgetYear, declared, ceiling, use.Percent, use.Status, points, responses, forecast));
    }
}
