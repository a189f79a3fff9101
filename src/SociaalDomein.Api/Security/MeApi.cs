using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SociaalDomein.Api.Security;

/// <summary>Who the caller is: the dashboard shows the pages the key's role may use.</summary>
/// <param name="Municipalities">A contract manager's municipalities; empty for the other roles, which see all of them.</param>
public sealed record Caller(string KeyId, string Role, IReadOnlyList<string> Municipalities);

public static class MeApi
{
    public static RouteHandlerBuilder MapMeApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/me", (HttpContext http) => TypedResults.Ok(new Caller(
                http.User.KeyId(),
                http.User.Role() ?? "",
                http.User.MunicipalityScope()?.Order(StringComparer.Ordinal).ToList() ?? [])))
            .AllowAnyRole()
            .WithTags("Caller")
            .WithName("GetCaller")
            .WithSummary("The API key's id, role and municipalities");
}
