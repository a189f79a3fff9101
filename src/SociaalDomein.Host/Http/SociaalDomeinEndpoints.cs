using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using SociaalDomein.Host.Composition;
using SociaalDomein.Host.Health;
using SociaalDomein.Host.Telemetry;

namespace SociaalDomein.Host.Http;

/// <summary>
/// What the host's HTTP listener serves: health and metrics on every host, the business API on hosts with the api role.
/// </summary>
public static class SociaalDomeinEndpoints
{
    public const string MetricsPath = "/metrics";

    /// <summary>Services the HTTP surface needs (routing; the API's own services on api hosts).</summary>
    public static IServiceCollection AddSociaalDomeinHttp(this IServiceCollection services, HostRoles roles)
    {
        services.AddRouting();
        if (roles.HasFlag(HostRoles.Api)) AddApi(services);
        return services;
    }

    /// <summary>Maps /health/live, /health/ready, /metrics (unless switched off) and, with the api role, the business API.</summary>
    public static WebApplication MapSociaalDomeinEndpoints(this WebApplication app, HostRoles roles, TelemetryOptions telemetry)
    {
        app.MapSociaalDomeinHealth();
        if (telemetry.PrometheusEndpoint) app.MapPrometheusScrapingEndpoint(MetricsPath);
        if (roles.HasFlag(HostRoles.Api)) MapApi(app);
        return app;
    }

    /// <summary>
    /// Seam for the business API (issue 6): register what its endpoints need, e.g. <c>services.AddSociaalDomeinApi()</c>
    /// from SociaalDomein.Api. Runs on hosts with the api role only.
    /// </summary>
    private static void AddApi(IServiceCollection services) => _ = services;

    /// <summary>
    /// Seam for the business API (issue 6): map its endpoints, e.g. <c>endpoints.MapSociaalDomeinApi()</c> from
    /// SociaalDomein.Api (a MapGroup per resource under /api, the dashboard). Runs on hosts with the api role only; the
    /// API's HTTP spans and metrics are recorded by the host's ASP.NET Core instrumentation already.
    /// </summary>
    private static void MapApi(IEndpointRouteBuilder endpoints) => _ = endpoints;
}
