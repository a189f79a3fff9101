using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SociaalDomein.Api.Tests;

/// <summary>/api/regional-ceilings: an admin maintains region-wide ceilings over HTTP, audited and judged at once.</summary>
[Collection(ApiCollection.Name)]
public sealed class RegionalCeilingsApiTests(ApiFixture api)
{
    // 0268 declared 123 456 at 44444444 in 2026; 1945 nothing.
    private const string Path = "/api/regional-ceilings/RegioNijmegen/44444444/2026";
    private const string AlertAt75 = "ceiling-threshold:RegioNijmegen:44444444:2026:all:75:1";

    [Fact]
    public async Task A_created_ceiling_is_shown_audited_and_a_change_raises_and_resolves_its_alert_at_once()
    {
        using var admin = api.Client(TestKeys.Admin);
        using var dataTeam = api.Client(TestKeys.DataTeam);

        // 123 456 of 200 000: 61.7 %, no threshold reached.
        var created = await admin.PostJsonAsync("/api/regional-ceilings", new
        {
            region = "RegioNijmegen", provider = "44444444", year = 2026, ceilingCents = 200_000, participants = new[] { "1945", "0268" },
            reason = "Regional contract 2026-R7 signed",
        });
        var createdBody = await ReadOkAsync(created, HttpStatusCode.Created);
        Assert.Equal(Path, created.Headers.Location?.OriginalString);
        Assert.True(createdBody.GetProperty("thresholdsReevaluated").GetBoolean());
        Assert.Empty(createdBody.GetProperty("changedAlerts").EnumerateArray());

        var stored = await dataTeam.OkJsonAsync(Path);
        Assert.Equal("RegioNijmegen 44444444 2026 all 200000 [0268,1945]", DescribeCeiling(stored));
        Assert.Equal(["RegioNijmegen 44444444 2026 all 200000 [0268,1945]"],
            (await dataTeam.OkJsonAsync("/api/regional-ceilings?provider=44444444")).Items().Select(DescribeCeiling));

        // 123 456 of 150 000: 82.3 %, the 75 % threshold is reached and its alert raised by the same request.
        var lowered = await ReadOkAsync(await admin.PutAsJsonAsync(Path, new { ceilingCents = 150_000, reason = "Amendment 1" }), HttpStatusCode.OK);
        Assert.Equal([AlertAt75], lowered.GetProperty("changedAlerts").EnumerateArray().Select(a => a.GetString()));
        var raised = await dataTeam.OkJsonAsync($"/api/alerts/{AlertAt75}");
        Assert.Equal("CeilingThreshold info 123456/150000 holds", DescribeAlert(raised));
        // The contract managers of the participating municipalities hear of it; one of a municipality outside does not.
        using (var nijmegen = api.Client(TestKeys.ContractManager))
        using (var arnhem = api.Client(TestKeys.OtherContractManager))
        {
            Assert.Contains(AlertAt75, (await nijmegen.OkJsonAsync("/api/alerts?provider=44444444")).Items().Select(a => a.Str("id")));
            Assert.Equal(["0268", "1945"], (await nijmegen.OkJsonAsync($"/api/alerts/{AlertAt75}")).GetProperty("regionParticipants")
                .EnumerateArray().Select(m => m.GetString()).Order());
            Assert.DoesNotContain(AlertAt75, (await arnhem.OkJsonAsync("/api/alerts?provider=44444444")).Items().Select(a => a.Str("id")));
            await (await arnhem.GetAsync($"/api/alerts/{AlertAt75}")).ProblemAsync(HttpStatusCode.Forbidden);
        }

        // Nijmegen leaves the contract: Berg en Dal has declared nothing, so the alert resolves at once.
        var left = await ReadOkAsync(await admin.PutAsJsonAsync(Path, new { ceilingCents = 150_000, participants = new[] { "1945" }, reason = "0268 leaves" }),
            HttpStatusCode.OK);
        Assert.Equal([AlertAt75], left.GetProperty("changedAlerts").EnumerateArray().Select(a => a.GetString()));
        var resolved = await dataTeam.OkJsonAsync($"/api/alerts/{AlertAt75}");
        Assert.Equal("CeilingThreshold info 0/150000 resolved", DescribeAlert(resolved));
        Assert.True(resolved.GetProperty("resolved").GetBoolean());

        var audit = await admin.OkJsonAsync("/api/regional-ceilings/changes?provider=44444444");
        Assert.Equal(
        [
            "RegioNijmegen 44444444 2026 150000 [0268,1945] -> 150000 [1945] by admin-1: 0268 leaves",
            "RegioNijmegen 44444444 2026 200000 [0268,1945] -> 150000 [0268,1945] by admin-1: Amendment 1",
            "RegioNijmegen 44444444 2026 -> 200000 [0268,1945] by admin-1: Regional contract 2026-R7 signed",
        ], audit.Items().Select(DescribeChange));
        Assert.True(DateTimeOffset.UtcNow - audit.Items()[0].GetProperty("changedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(1));
        // The contract ceilings' trail shares the table but not these rows.
        Assert.Equal(0, (await admin.OkJsonAsync("/api/ceilings/changes?provider=44444444")).Long("total"));

        var again = await admin.PostJsonAsync("/api/regional-ceilings",
            new { region = "RegioNijmegen", provider = "44444444", year = 2026, ceilingCents = 1, participants = new[] { "0268" } });
        Assert.Contains($"PUT {Path}", (await again.ProblemAsync(HttpStatusCode.Conflict)).Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_regional_ceiling_that_does_not_exist_is_not_found()
    {
        using var admin = api.Client(TestKeys.Admin);

        var problem = await (await admin.PutAsJsonAsync("/api/regional-ceilings/RegioNijmegen/99999999/2026/45", new { ceilingCents = 1 }))
            .ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("POST /api/regional-ceilings", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_regional_ceiling_request_names_every_bad_field_and_its_rule()
    {
        using var admin = api.Client(TestKeys.Admin);

        var bad = await (await admin.PostJsonAsync("/api/regional-ceilings", new
        {
            region = "9-Regio", provider = "ABC", year = 1999, category = "4", ceilingCents = 0, participants = new[] { "0268", "268", "0268" },
            reason = new string('x', 501),
        })).ProblemAsync(HttpStatusCode.BadRequest);
        var missing = await (await admin.PostJsonAsync("/api/regional-ceilings", new { })).ProblemAsync(HttpStatusCode.BadRequest);
        var empty = await (await admin.PutAsJsonAsync("/api/regional-ceilings/RegioNijmegen/11111111/2026", new { ceilingCents = 5, participants = Array.Empty<string>() }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
        [
            ("region", "region-code"),
            ("provider", "agb-code"),
            ("year", "year-range"),
            ("category", "product-category"),
            ("ceilingCents", "ceiling-range"),
            ("participants[1]", "municipality-code"),
            ("participants[2]", "duplicate"),
            ("reason", "max-length"),
        ], bad.Violations());
        Assert.Equal([("region", "required"), ("provider", "required"), ("year", "required"), ("ceilingCents", "required"), ("participants", "required")],
            missing.Violations());
        Assert.Equal([("participants", "not-empty")], empty.Violations());
        // Nothing was written.
        Assert.Equal(2_000_000, (await admin.OkJsonAsync("/api/regional-ceilings/RegioNijmegen/11111111/2026")).Long("ceilingCents"));
    }

    [Fact]
    public async Task A_contract_manager_sees_only_the_regional_ceilings_one_of_their_municipalities_takes_part_in()
    {
        using var arnhem = api.Client(TestKeys.OtherContractManager);
        using var nijmegen = api.Client(TestKeys.ContractManager);

        var forbidden = await (await arnhem.GetAsync("/api/regional-ceilings/RegioNijmegen/11111111/2026")).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("rob-arnhem", forbidden.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(0, (await arnhem.OkJsonAsync("/api/regional-ceilings?provider=11111111")).Long("total"));
        Assert.Equal(["RegioNijmegen 11111111 2026 all 2000000 [0268,1945]"],
            (await nijmegen.OkJsonAsync("/api/regional-ceilings?provider=11111111")).Items().Select(DescribeCeiling));
        Assert.Equal(HttpStatusCode.Forbidden, (await nijmegen.GetAsync("/api/regional-ceilings?municipality=0202")).StatusCode);
    }

    private static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}, expected {(int)status}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Codes(JsonElement array) =>
        array.ValueKind == JsonValueKind.Null ? "" : "[" + string.Join(",", array.EnumerateArray().Select(c => c.GetString())) + "]";

    private static string DescribeCeiling(JsonElement c) =>
        $"{c.Str("regionCode")} {c.Str("providerAgb")} {c.GetProperty("year").GetInt32()} {(c.IsNull("productCategorie") ? "all" : c.Str("productCategorie"))} " +
        $"{c.Long("ceilingCents")} {Codes(c.GetProperty("participants"))}";

    private static string DescribeChange(JsonElement c) =>
        $"{c.Str("regionCode")} {c.Str("providerAgb")} {c.GetProperty("year").GetInt32()} {c.GetProperty("oldCeilingCents")} {Codes(c.GetProperty("oldParticipants"))}".TrimEnd() +
        $" -> {c.Long("newCeilingCents")} {Codes(c.GetProperty("newParticipants"))} by {c.Str("changedBy")}: {c.GetProperty("reason").GetString()}";

    private static string DescribeAlert(JsonElement a) =>
        $"{a.Str("kind")} {a.Str("severity")} {a.Long("declaredCents")}/{a.Long("ceilingCents")} {a.Str("condition")}";
}
