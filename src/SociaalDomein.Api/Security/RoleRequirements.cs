using Microsoft.AspNetCore.Builder;

namespace SociaalDomein.Api.Security;

/// <summary>Puts the role rule on an endpoint, authenticated by the API key scheme whatever the host's default scheme is.</summary>
internal static class RoleRequirements
{
    public static TBuilder AllowRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(roles));

    public static TBuilder AllowAnyRole<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
}
