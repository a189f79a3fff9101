using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SociaalDomein.Api.Tests;

internal static class JsonAssert
{
    public static async Task<JsonElement> OkJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}, expected {(int)status}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The (field, rule) pairs a 400 problem names, in order.</summary>
    public static IReadOnlyList<(string Field, string Rule)> Violations(this JsonElement problem) =>
        problem.GetProperty("violations").EnumerateArray()
            .Select(v => (v.GetProperty("field").GetString()!, v.GetProperty("rule").GetString()!))
            .ToList();

    public static IReadOnlyList<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static long Long(this JsonElement element, string property) => element.GetProperty(property).GetInt64();

    public static decimal? Dec(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDecimal();

    public static bool IsNull(this JsonElement element, string property) => element.GetProperty(property).ValueKind == JsonValueKind.Null;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);
}
