using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SociaalDomein.Api.Tests;

/// <summary>
/// The role matrix, endpoint by endpoint: every role not allowed gets 403, no key and an unknown key get 401, and an
/// allowed role gets past authorisation (mutations are sent with an empty body, so they answer 400 and change nothing).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(ApiFixture api)
{
    private const string Alert = "ceiling-threshold:0202:33333333:2026:all:75:1";

    public sealed record Rule(string Method, string Pattern, string Path, string[] Roles);

    private static readonly string[] Anyone = ["backoffice", "contractmanager", "datateam", "admin"];
    private static readonly string[] Figures = ["datateam", "contractmanager"];

    public static IReadOnlyList<Rule> Matrix { get; } =
    [
        new("GET", "/api/me", "/api/me", Anyone),
        new("GET", "/api/daily-costs", "/api/daily-costs", Figures),
        new("GET", "/api/daily-costs/per-day", "/api/daily-costs/per-day", Figures),
        new("GET", "/api/daily-costs/insight", "/api/daily-costs/insight", Figures),
        new("GET", "/api/daily-costs/explain", "/api/daily-costs/explain", ["contractmanager"]),
        new("GET", "/api/municipalities", "/api/municipalities?year=2026", Figures),
        new("GET", "/api/contracts", "/api/contracts", Figures),
        new("GET", "/api/contracts/{municipality}/{provider}/{year}", "/api/contracts/0268/11111111/2026", Figures),
        new("GET", "/api/contracts/{municipality}/{provider}/{year}/lines", "/api/contracts/0268/11111111/2026/lines", ["contractmanager"]),
        new("GET", "/api/contracts/{municipality}/{provider}/{year}/messages", "/api/contracts/0268/11111111/2026/messages", ["contractmanager"]),
        new("GET", "/api/contracts/{municipality}/{provider}/{year}/explain", "/api/contracts/0268/11111111/2026/explain", ["contractmanager"]),
        new("GET", "/api/providers/{provider}/ceiling-use", "/api/providers/11111111/ceiling-use?year=2026", Figures),
        new("GET", "/api/alerts", "/api/alerts", Figures),
        new("GET", "/api/alerts/{id}", $"/api/alerts/{Alert}", Figures),
        new("POST", "/api/alerts/{id}/acknowledgement", $"/api/alerts/{Alert}/acknowledgement", ["contractmanager"]),
        new("GET", "/api/ceilings", "/api/ceilings", ["admin", "datateam", "contractmanager"]),
        new("GET", "/api/ceilings/{municipality}/{provider}/{year}", "/api/ceilings/0268/11111111/2026", ["admin", "datateam", "contractmanager"]),
        new("GET", "/api/ceilings/{municipality}/{provider}/{year}/{category}", "/api/ceilings/0268/22222222/2026/43", ["admin", "datateam", "contractmanager"]),
        new("POST", "/api/ceilings", "/api/ceilings", ["admin"]),
        new("PUT", "/api/ceilings/{municipality}/{provider}/{year}", "/api/ceilings/0268/11111111/2026", ["admin"]),
        new("PUT", "/api/ceilings/{municipality}/{provider}/{year}/{category}", "/api/ceilings/0268/22222222/2026/43", ["admin"]),
        new("GET", "/api/ceilings/changes", "/api/ceilings/changes", ["admin"]),
        new("GET", "/api/regional-ceilings", "/api/regional-ceilings", ["admin", "datateam", "contractmanager"]),
        new("GET", "/api/regional-ceilings/{region}/{provider}/{year}", "/api/regional-ceilings/RegioNijmegen/11111111/2026", ["admin", "datateam", "contractmanager"]),
        new("GET", "/api/regional-ceilings/{region}/{provider}/{year}/{category}", "/api/regional-ceilings/RegioNijmegen/22222222/2026/43",
            ["admin", "datateam", "contractmanager"]),
        new("POST", "/api/regional-ceilings", "/api/regional-ceilings", ["admin"]),
        new("PUT", "/api/regional-ceilings/{region}/{provider}/{year}", "/api/regional-ceilings/RegioNijmegen/11111111/2026", ["admin"]),
        new("PUT", "/api/regional-ceilings/{region}/{provider}/{year}/{category}", "/api/regional-ceilings/RegioNijmegen/22222222/2026/43", ["admin"]),
        new("GET", "/api/regional-ceilings/changes", "/api/regional-ceilings/changes", ["admin"]),
        new("GET", "/api/traffic/summary", "/api/traffic/summary", ["backoffice", "datateam"]),
        new("GET", "/api/traffic/dead-letter-rules", "/api/traffic/dead-letter-rules", ["backoffice", "datateam"]),
        new("GET", "/api/traffic/providers", "/api/traffic/providers", ["backoffice", "datateam"]),
        new("GET", "/api/traffic/signals", "/api/traffic/signals", ["backoffice", "datateam"]),
        new("GET", "/api/traffic/dead-letters", "/api/traffic/dead-letters", ["backoffice"]),
        new("GET", "/api/subscriptions", "/api/subscriptions", ["admin", "contractmanager"]),
        new("POST", "/api/subscriptions", "/api/subscriptions", ["admin"]),
        new("GET", "/api/subscriptions/{id}", $"/api/subscriptions/{ApiFixture.SeededSubscription}", ["admin", "contractmanager"]),
        new("PUT", "/api/subscriptions/{id}", $"/api/subscriptions/{ApiFixture.SeededSubscription}", ["admin"]),
        new("GET", "/api/subscriptions/{id}/deliveries", $"/api/subscriptions/{ApiFixture.SeededSubscription}/deliveries", ["admin", "contractmanager"]),
    ];

    public static TheoryData<string, string> Endpoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in Matrix) data.Add(rule.Method, rule.Pattern);
        return data;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Wrong_roles_get_403_no_or_unknown_key_401_and_allowed_roles_pass(string method, string pattern)
    {
        var rule = Matrix.Single(r => r.Method == method && r.Pattern == pattern);

        foreach (var role in Anyone.Except(rule.Roles))
        {
            var response = await SendAsync(rule, TestKeys.ByRole[role]);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {rule.Path} as {role}: {(int)response.StatusCode}, expected 403");
            await AssertProblemAsync(response, 403);
        }

        var anonymous = await SendAsync(rule, apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("X-Api-Key", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await AssertProblemAsync(anonymous, 401);

        var unknown = await SendAsync(rule, "not-a-key-of-this-system-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);

        foreach (var role in rule.Roles)
        {
            var key = role == "contractmanager" && rule.Path.Contains(Alert, StringComparison.Ordinal) ? TestKeys.OtherContractManager : TestKeys.ByRole[role];
            var response = await SendAsync(rule, key);
            var expected = method == "GET" ? HttpStatusCode.OK : HttpStatusCode.BadRequest;
            Assert.True(response.StatusCode == expected,
                $"{method} {rule.Path} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}, expected {(int)expected}");
        }
    }

    [Fact]
    public void Every_api_endpoint_the_host_maps_is_in_the_role_matrix()
    {
        var mapped = api.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(Matrix.Select(r => $"{r.Method} {r.Pattern}").Order(StringComparer.Ordinal), mapped);
    }

    [Fact]
    public async Task A_contract_manager_gets_403_for_a_municipality_not_on_the_key()
    {
        using var client = api.Client(TestKeys.ContractManager);
        string[] outside =
        [
            "/api/daily-costs?municipality=0202",
            "/api/daily-costs/per-day?municipality=0202",
            "/api/contracts?municipality=0202",
            "/api/contracts/0202/33333333/2026",
            "/api/contracts/0202/33333333/2026/lines",
            "/api/contracts/0202/33333333/2026/messages",
            "/api/providers/33333333/ceiling-use?municipality=0202",
            "/api/alerts?municipality=0202",
            $"/api/alerts/{Alert}",
            "/api/ceilings?municipality=0202",
            "/api/ceilings/0202/33333333/2026",
        ];
        foreach (var path in outside)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
            var problem = await AssertProblemAsync(response, 403);
            Assert.Contains("0202", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var acknowledge = await client.PostAsJsonAsync($"/api/alerts/{Alert}/acknowledgement", new { note = "not mine" });
        Assert.Equal(HttpStatusCode.Forbidden, acknowledge.StatusCode);
    }

    [Fact]
    public async Task Api_keys_never_appear_in_the_logs()
    {
        foreach (var key in TestKeys.ByRole.Values.Append("not-a-key-of-this-system-at-all"))
        {
            using var client = api.Client(key);
            await client.GetAsync("/api/me");
            await client.GetAsync("/api/traffic/dead-letters");
        }

        var logs = api.Logs.Lines.ToList();
        Assert.NotEmpty(logs);
        foreach (var key in TestKeys.ByRole.Values.Append(TestKeys.OtherContractManager).Append("not-a-key-of-this-system-at-all"))
            Assert.DoesNotContain(logs, line => line.Contains(key, StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> SendAsync(Rule rule, string? apiKey)
    {
        using var client = api.Client(apiKey);
        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), rule.Path);
        if (rule.Method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
