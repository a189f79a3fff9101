using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SociaalDomein.Api.Requests;

namespace SociaalDomein.Api.Security;

/// <summary>Turns a request's municipality filter and the caller's scope into the municipalities a query may read.</summary>
public static class MunicipalityScope
{
    /// <summary>
    /// null when the caller may see everything and asked for no municipality; the requested one when it is in scope;
    /// a contract manager's own municipalities when none was asked for. A municipality outside the scope is a 403.
    /// </summary>
    public static bool TryResolve(ClaimsPrincipal user, string? requested, out IReadOnlyCollection<string>? municipalities, out ProblemHttpResult? forbidden)
    {
        forbidden = null;
        var scope = user.MunicipalityScope();
        if (requested is not null)
        {
            municipalities = [requested];
            if (scope is null || scope.Contains(requested)) return true;
            forbidden = Problems.OutsideScope(user.KeyId(), requested);
            return false;
        }
        municipalities = scope?.Order(StringComparer.Ordinal).ToList();
        return true;
    }
}
