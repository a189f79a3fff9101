using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Scalar.AspNetCore;
using SociaalDomein.Api.Alerts;
using SociaalDomein.Api.Ceilings;
using SociaalDomein.Api.Contracts;
using SociaalDomein.Api.DailyCosts;
using SociaalDomein.Api.Dashboard;
using SociaalDomein.Api.Providers;
using SociaalDomein.Api.Region;
using SociaalDomein.Api.Security;
using SociaalDomein.Api.Subscriptions;
using SociaalDomein.Api.Traffic;

namespace SociaalDomein.Api;

/// <summary>Maps the HTTP API, its OpenAPI document, the Scalar reference and the dashboard.</summary>
public static class ApiEndpointRouteBuilderExtensions
{
    public const string OpenApiDocumentName = "v1";

    /// <summary>
    /// Maps <c>/api/*</c> (API key required, role per endpoint), <c>/openapi/v1.json</c>, <c>/scalar/v1</c> and
    /// <c>/dashboard/</c> (anonymous: they hold no data). Needs <see cref="ApiServiceCollectionExtensions.AddSociaalDomeinApi"/>
    /// and the authentication and authorization middleware, which a WebApplication adds by itself.
    /// </summary>
    public static IEndpointRouteBuilder MapSociaalDomeinApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var api = endpoints.MapGroup("/api").AllowAnyRole();
        api.MapMeApi();
        api.MapDailyCostsApi();
        api.MapRegionApi();
        api.MapContractsApi();
        api.MapProvidersApi();
        api.MapAlertsApi();
        api.MapCeilingsApi();
        api.MapRegionalCeilingsApi();
        api.MapTrafficApi();
        api.MapSubscriptionsApi();

        endpoints.MapOpenApi("/openapi/{documentName}.json");
        // The reference's script is served from this assembly (Scalar's default); its web fonts would come from a CDN, so they are off.
        endpoints.MapScalarApiReference("/scalar", options => options
            .WithTitle("SociaalDomein.Streaming API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts());
        endpoints.MapDashboard();
        return endpoints;
    }
}
