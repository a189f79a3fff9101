using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SociaalDomein.Host.Composition;
using SociaalDomein.Ingestion.Worker;

namespace SociaalDomein.Host.Health;

/// <summary>
/// <c>/health/live</c> (the process serves HTTP) and <c>/health/ready</c> (PostgreSQL migrated, silo joined, Kafka
/// reachable: each a named check, per role). The worker pauses consumption while readiness fails.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string ReadyTag = "ready";

    /// <summary>Names of the readiness checks, as they appear in the /health/ready response and the worker's log.</summary>
    public static class Checks
    {
        public const string Postgres = "postgres";
        public const string Silo = "silo";
        public const string Kafka = "kafka";
    }

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static bool IsReadinessCheck(HealthCheckRegistration registration) => registration.Tags.Contains(ReadyTag);

    public static IServiceCollection AddSociaalDomeinHealthChecks(this IServiceCollection services, HostRoles roles)
    {
        var checks = services.AddHealthChecks();
        checks.AddCheck<PostgresMigratedHealthCheck>(Checks.Postgres, tags: [ReadyTag], timeout: CheckTimeout);
        if (roles.HasFlag(HostRoles.Silo))
            checks.AddCheck<SiloJoinedHealthCheck>(Checks.Silo, tags: [ReadyTag], timeout: CheckTimeout);
        if ((roles & (HostRoles.Worker | HostRoles.Alerts)) != 0)
        {
            // One instance, so its admin client (and its broker connections) is reused between checks.
            services.AddSingleton<KafkaHealthCheck>();
            checks.AddCheck<KafkaHealthCheck>(Checks.Kafka, tags: [ReadyTag], timeout: CheckTimeout);
        }
        if (roles.HasFlag(HostRoles.Worker)) services.AddSingleton<IIngestionReadiness, HealthCheckReadiness>();
        return services;
    }

    public static IEndpointRouteBuilder MapSociaalDomeinHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = IsReadinessCheck, ResponseWriter = WriteAsync });
        return endpoints;
    }

    /// <summary><c>{"status":"Unhealthy","checks":{"postgres":{"status":"Healthy","description":"...","durationMs":2.1},...}}</c></summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            Status = report.Status.ToString(),
            Checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                Status = e.Value.Status.ToString(),
                e.Value.Description,
                DurationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
