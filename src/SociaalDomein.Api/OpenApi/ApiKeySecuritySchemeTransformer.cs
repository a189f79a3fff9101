using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SociaalDomein.Api.Security;

namespace SociaalDomein.Api.OpenApi;

/// <summary>Declares the X-Api-Key header in the OpenAPI document, so Scalar offers a field for the key.</summary>
internal sealed class ApiKeySecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "SociaalDomein.Streaming API";
        document.Info.Description =
            "Daily costs, contract totals against budget ceilings, alerts, ceilings and message-traffic health for a region's " +
            "youth care and social support. Authenticate with an API key in the X-Api-Key header; errors are RFC 7807 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "API key; its role (backoffice, contractmanager, datateam, admin) decides which endpoints answer.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
        });
        return Task.CompletedTask;
    }
}
