using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SociaalDomein.Api;
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
    public static IServiceCollection AddSociaalDomeinHttp(this IServiceCollection services, IConfiguration configuration, HostRoles roles)
    {
        services.AddRouting();
        // API keys, roles, problem details, OpenAPI and the dashboard's queries (section "Api").
        if (roles.HasFlag(HostRoles.Api)) services.AddSociaalDomeinApi(configuration);
        return services;
    }

    /// <summary>Maps /health/live, /health/ready, /metrics (unless switched off) and, with the api role, the business API.</summary>
    public static WebApplication MapSociaalDomeinEndpoints(this WebApplication app, HostRoles roles, TelemetryOptions telemetry)
    {
        app.MapSociaalDomeinHealth();
        if (telemetry.PrometheusEndpoint) app.MapPrometheusScrapingEndpoint(MetricsPath);
        if (roles.HasFlag(HostRoles.Api)) app.MapSociaalDomeinApi();
        return app;
    }
}
