using System.Security.Claims;

namespace SociaalDomein.Api.Security;

/// <summary>Claims the API key handler puts on the principal, and what they mean for a request.</summary>
public static class ApiClaims
{
    /// <summary>A municipality (CBS code) a contract manager may see; one claim each.</summary>
    public const string Municipality = "sd:municipality";

    /// <summary>The API key's id: what audit records name the caller by.</summary>
    public static string KeyId(this ClaimsPrincipal user) => user.Identity?.Name ?? throw new InvalidOperationException("The request is not authenticated.");

    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    /// <summary>The municipalities the caller is limited to, or null when it may see all of them.</summary>
    public static IReadOnlySet<string>? MunicipalityScope(this ClaimsPrincipal user) =>
        user.IsInRole(ApiRoles.ContractManager)
            ? user.FindAll(Municipality).Select(c => c.Value).ToHashSet(StringComparer.Ordinal)
            : null;

    public static bool MaySee(this ClaimsPrincipal user, string municipalityCode) =>
        user.MunicipalityScope() is not { } scope || scope.Contains(municipalityCode);

    /// <summary>Whether the caller may see any of the municipalities an alert concerns (several for a region-wide ceiling).</summary>
    public static bool MaySeeAny(this ClaimsPrincipal user, IEnumerable<string> municipalityCodes) =>
        user.MunicipalityScope() is not { } scope || municipalityCodes.Any(scope.Contains);
}
