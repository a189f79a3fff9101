using System.Net;

namespace SociaalDomein.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AlertsApiTests(ApiFixture api)
{
    private const string NijmegenAt75 = "ceiling-threshold:0268:11111111:2026:all:75:1";

    [Fact]
    public async Task A_contract_over_its_ceiling_has_an_alert_for_each_threshold_it_passed()
    {
        using var client = api.Client(TestKeys.DataTeam);

        // Provider 11111111 only: a region-wide ceiling 1945 takes part in (another test) concerns 1945 too.
        var page = await client.OkJsonAsync("/api/alerts?municipality=1945&year=2026&provider=11111111");

        Assert.Equal(
        [
            "ceiling-threshold:1945:11111111:2026:all:100:1 critical 100 550000/500000",
            "ceiling-threshold:1945:11111111:2026:all:75:1 info 75 550000/500000",
            "ceiling-threshold:1945:11111111:2026:all:90:1 warning 90 550000/500000",
        ], page.Items().Where(a => a.Str("kind") == "CeilingThreshold")
            .Select(a => $"{a.Str("id")} {a.Str("severity")} {a.GetProperty("thresholdPercent").GetInt32()} {a.Long("declaredCents")}/{a.Long("ceilingCents")}")
            .Order(StringComparer.Ordinal));
        Assert.Equal(page.Items().Count, page.Long("total"));
        Assert.Equal(["ceiling-threshold:1945:11111111:2026:all:100:1"],
            (await client.OkJsonAsync("/api/alerts?municipality=1945&severity=critical")).Items().Select(a => a.Str("id")));
    }

    [Fact]
    public async Task Acknowledging_an_alert_with_a_note_resolves_it_and_records_who_did_it()
    {
        using var manager = api.Client(TestKeys.ContractManager);

        Assert.Contains(NijmegenAt75, (await manager.OkJsonAsync("/api/alerts?status=open")).Items().Select(a => a.Str("id")));

        var response = await manager.PostJsonAsync($"/api/alerts/{NijmegenAt75}/acknowledgement", new { note = "Spoken to the provider; budget shift agreed." });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var alert = await manager.OkJsonAsync($"/api/alerts/{NijmegenAt75}");
        Assert.True(alert.GetProperty("resolved").GetBoolean());
        Assert.Equal("rob-nijmegen", alert.Str("acknowledgedBy"));
        Assert.Equal("Spoken to the provider; budget shift agreed.", alert.Str("acknowledgementNote"));
        Assert.True(DateTimeOffset.UtcNow - alert.GetProperty("acknowledgedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(NijmegenAt75, (await manager.OkJsonAsync("/api/alerts?status=open")).Items().Select(a => a.Str("id")));
        Assert.Contains(NijmegenAt75, (await manager.OkJsonAsync("/api/alerts?status=resolved")).Items().Select(a => a.Str("id")));

        var again = await manager.PostJsonAsync($"/api/alerts/{NijmegenAt75}/acknowledgement", new { note = "Twice" });
        var conflict = await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("rob-nijmegen", conflict.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acknowledgement_needs_a_note()
    {
        using var manager = api.Client(TestKeys.ContractManager);

        var problem = await (await manager.PostJsonAsync("/api/alerts/ceiling-threshold:1945:11111111:2026:all:75:1/acknowledgement", new { note = "  " }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([("note", "required")], problem.Violations());
    }

    [Fact]
    public async Task An_unknown_alert_is_not_found()
    {
        using var manager = api.Client(TestKeys.ContractManager);

        await (await manager.PostJsonAsync("/api/alerts/no-such-alert/acknowledgement", new { note = "?" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync("/api/alerts/no-such-alert")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_filter_values_are_refused_with_the_allowed_ones()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var problem = await (await client.GetAsync("/api/alerts?status=closed&severity=high&year=1999")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([("status", "allowed-values"), ("year", "year-range"), ("severity", "allowed-values")], problem.Violations());
        Assert.Contains("open, resolved", problem.Str("detail"), StringComparison.Ordinal);
    }
}
