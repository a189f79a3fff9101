using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using SociaalDomein.Api.OpenApi;
using SociaalDomein.Api.Responses;
using SociaalDomein.Api.Security;
using SociaalDomein.Delivery;
using SociaalDomein.Storage;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api;

/// <summary>Wires everything the HTTP API and its dashboard need into a host.</summary>
public static class ApiServiceCollectionExtensions
{
    public const string PostgresConnectionStringName = "Postgres";

    /// <summary>
    /// Registers the API: API key authentication (<c>Api:Keys:{key-id}:Key|Role|Municipalities</c>, checked now: a bad key
    /// configuration throws, naming the setting and never the key), role authorisation, problem details, the OpenAPI
    /// document and the read queries. Storage is used as registered by <c>AddSociaalDomeinStorage</c>; if it is not
    /// registered yet it is added for <c>ConnectionStrings:Postgres</c>. Contract grains are reached through
    /// <c>IGrainFactory</c> when the process has a silo or client; without one, ceiling changes still work and say so.
    /// </summary>
    public static IServiceCollection AddSociaalDomeinApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        if (!services.Any(d => d.ServiceType == typeof(NpgsqlDataSource)))
        {
            var connectionString = configuration.GetConnectionString(PostgresConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    $"ConnectionStrings:{PostgresConnectionStringName} is required by the API (or call AddSociaalDomeinStorage before AddSociaalDomeinApi).");
            services.AddSociaalDomeinStorage(connectionString);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DailyCostQueries>();
        services.TryAddSingleton<DailyInsightQueries>();
        services.TryAddSingleton<ExplainQueries>();
        services.TryAddSingleton<ContractQueries>();
        services.TryAddSingleton<AlertQueries>();
        services.TryAddSingleton<CeilingQueries>();
        services.TryAddSingleton<RegionalCeilingQueries>();
        services.TryAddSingleton<TrafficQueries>();
        services.TryAddSingleton<TrafficLights>();
        services.AddAlertSubscriptions();

        services.AddSingleton(ApiKeyRegistry.FromConfiguration(configuration.GetSection(ApiKeyRegistry.Section)));
        // No default scheme is set: every API endpoint names the API key scheme itself, so a host may add others.
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddProblemDetails();
        services.AddOpenApi(ApiEndpointRouteBuilderExtensions.OpenApiDocumentName, options =>
        {
            options.AddDocumentTransformer<ApiKeySecuritySchemeTransformer>();
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        });
        return services;
    }
}
