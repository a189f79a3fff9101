using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace SociaalDomein.Api.Dashboard;

/// <summary>
/// Serves the dashboard (plain HTML, JS and CSS embedded in this assembly) under <c>/dashboard/</c>. The files hold no
/// data: the page asks for an API key and calls the API with it, so the roles apply to the dashboard as to the API.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";
    private const string ResourcePrefix = "dashboard/";

    // Only this origin: no CDN, no inline script; the page must work on a machine without internet.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<FrozenDictionary<string, DashboardFile>> Files = new(LoadFiles);

    public static IEndpointConventionBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path).ExcludeFromDescription();
        // Routing matches /dashboard and /dashboard/ alike; the page's relative links need the slash.
        group.MapGet("/", (HttpContext http) => http.Request.Path.Value?.EndsWith('/') == true
            ? Serve(http, "index.html")
            : TypedResults.Redirect($"{http.Request.PathBase}{Path}/{http.Request.QueryString}"));
        group.MapGet("/{file}", (HttpContext http, string file) => Serve(http, file));
        return group;
    }

    private static IResult Serve(HttpContext http, string name)
    {
        if (!Files.Value.TryGetValue(name, out var file)) return TypedResults.NotFound();
        http.Response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // Revalidate every time (cheap with the ETag) so a new release is never hidden behind a cached script.
        http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return TypedResults.Bytes(file.Content, file.ContentType, entityTag: file.ETag);
    }

    private static FrozenDictionary<string, DashboardFile> LoadFiles()
    {
        var assembly = typeof(DashboardEndpoints).Assembly;
        var files = new Dictionary<string, DashboardFile>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            if (!ContentTypes.TryGetValue(System.IO.Path.GetExtension(name), out var contentType)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
            files[name] = new DashboardFile(content, contentType, etag);
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record DashboardFile(byte[] Content, string ContentType, EntityTagHeaderValue ETag);
}
