using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SociaalDomein.Api.Security;

/// <summary>
/// Authenticates a request by its <c>X-Api-Key</c> header. The principal carries the key's id (name), its role and,
/// for a contract manager, one <see cref="ApiClaims.Municipality"/> claim per municipality it may see.
/// 401 and 403 answers are RFC 7807 problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyRegistry registry,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (values.Count > 1)
            return Task.FromResult(AuthenticateResult.Fail($"More than one {HeaderName} header."));

        // The presented value is never logged, not even when it matches nothing: it may be a real key sent to the wrong place.
        var key = registry.Find(values[0]!);
        if (key is null)
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));

        var claims = new List<Claim> { new(ClaimTypes.Name, key.Id), new(ClaimTypes.Role, key.Role) };
        claims.AddRange(key.Municipalities.Select(m => new Claim(ApiClaims.Municipality, m)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        var present = Request.Headers.ContainsKey(HeaderName);
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            present ? $"The {HeaderName} header does not hold a known API key." : $"Send an API key in the {HeaderName} header.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirstValue(ClaimTypes.Role) ?? "(none)";
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden",
            $"API key '{Context.User.Identity?.Name}' has the role '{role}', which may not use {Request.Method} {Request.Path}.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = Request.Path };
        if (!await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem }))
            await Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }
}
