using System.Net;
using System.Text.Json;

namespace SociaalDomein.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(ApiFixture api)
{
    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint_and_the_api_key_header()
    {
        using var client = api.Client(apiKey: null);

        var document = await client.OkJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in AuthorizationMatrixTests.Matrix)
            Assert.Contains(rule.Pattern, paths);
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.Str("type"));
        Assert.Equal("X-Api-Key", scheme.Str("name"));
        Assert.Equal("header", scheme.Str("in"));
        Assert.DoesNotContain(paths, p => p.StartsWith("/dashboard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scalar_serves_the_reference_from_this_host_without_any_cdn()
    {
        using var client = api.Client(apiKey: null);

        var page = await client.GetAsync("/scalar/v1");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/scalar.js")).StatusCode);
        Assert.DoesNotMatch("(src|href)=\"https?://", html);
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.jsdelivr.net", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_is_served_with_a_policy_that_allows_this_origin_only()
    {
        using var client = api.Client(apiKey: null);

        var index = await client.GetAsync("/dashboard/");
        var script = await client.GetAsync("/dashboard/app.js");
        var missing = await client.GetAsync("/dashboard/nope.js");

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'self'", string.Join("", index.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotMatch("(src|href)=\"https?://", await index.Content.ReadAsStringAsync());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/dashboard/app.js");
        conditional.Headers.IfNoneMatch.Add(script.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
    }
}
