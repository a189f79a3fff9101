using System.Net;
using System.Text;

namespace SociaalDomein.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class CeilingsApiTests(ApiFixture api)
{
    [Fact]
    public async Task Lowering_a_ceiling_is_audited_and_raises_the_threshold_alert_at_once()
    {
        using var admin = api.Client(TestKeys.Admin);
        using var dataTeam = api.Client(TestKeys.DataTeam);
        // Its lines name no allocation (a DeclarationWithoutAllocation alert); no ceiling threshold is reached yet.
        Assert.DoesNotContain((await dataTeam.OkJsonAsync("/api/alerts?provider=66666666")).Items(), a => a.Str("kind") == "CeilingThreshold");

        // 600 000 declared: 60 % of 1 000 000, 85.7 % of 700 000.
        var response = await admin.PutAsync("/api/ceilings/0344/66666666/2026",
            new StringContent("""{"ceilingCents":700000,"reason":"Amendment 3: volume cut"}""", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var result = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.True(result.GetProperty("thresholdsReevaluated").GetBoolean());
        var change = result.GetProperty("change");
        Assert.Equal("0344 66666666 2026 1000000 -> 700000 by admin-1: Amendment 3: volume cut", Describe(change));

        Assert.Equal(["ceiling-threshold:0344:66666666:2026:all:75:1"],
            (await dataTeam.OkJsonAsync("/api/alerts?provider=66666666")).Items().Where(a => a.Str("kind") == "CeilingThreshold").Select(a => a.Str("id")));
        var contract = (await dataTeam.OkJsonAsync("/api/contracts/0344/66666666/2026")).GetProperty("total");
        Assert.Equal("85.7", ContractsApiTests.Percent(contract));
        Assert.Equal("amber", contract.Str("status"));

        var audit = await admin.OkJsonAsync("/api/ceilings/changes?provider=66666666");
        Assert.Equal(["0344 66666666 2026 1000000 -> 700000 by admin-1: Amendment 3: volume cut"], audit.Items().Select(Describe));
        Assert.True(DateTimeOffset.UtcNow - audit.Items()[0].GetProperty("changedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_new_ceiling_is_created_once_and_then_changed_with_put()
    {
        using var admin = api.Client(TestKeys.Admin);

        var created = await admin.PostJsonAsync("/api/ceilings",
            new { municipality = "0200", provider = "77777777", year = 2026, ceilingCents = 250_000, reason = "Contract 2026-014 signed" });
        var body = await created.Content.ReadAsStringAsync();
        var again = await admin.PostJsonAsync("/api/ceilings", new { municipality = "0200", provider = "77777777", year = 2026, ceilingCents = 1 });
        var category = await admin.PostJsonAsync("/api/ceilings", new { municipality = "0200", provider = "77777777", year = 2026, category = "45", ceilingCents = 90_000 });

        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal("/api/ceilings/0200/77777777/2026", created.Headers.Location?.OriginalString);
        var stored = await admin.OkJsonAsync("/api/ceilings/0200/77777777/2026");
        Assert.Equal(250_000, stored.Long("ceilingCents"));
        Assert.True(stored.IsNull("productCategorie"));
        var conflict = await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("PUT /api/ceilings/0200/77777777/2026", conflict.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, category.StatusCode);
        Assert.Equal("/api/ceilings/0200/77777777/2026/45", category.Headers.Location?.OriginalString);
        Assert.Equal(90_000, (await admin.OkJsonAsync("/api/ceilings/0200/77777777/2026/45")).Long("ceilingCents"));

        var audit = await admin.OkJsonAsync("/api/ceilings/changes?municipality=0200");
        Assert.Equal(
        [
            "0200 77777777 2026/45  -> 90000 by admin-1: ",
            "0200 77777777 2026  -> 250000 by admin-1: Contract 2026-014 signed",
        ], audit.Items().Select(Describe));
    }

    [Fact]
    public async Task A_create_that_races_another_for_the_same_ceiling_is_a_conflict_and_writes_nothing()
    {
        using var admin = api.Client(TestKeys.Admin);
        // The other create: its row is inserted but not yet committed when ours looks for the key and finds none.
        await using var other = await api.DataSource.OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var insert = new Npgsql.NpgsqlCommand("""
            INSERT INTO ceilings (municipality_code, provider_agb, year, product_categorie, ceiling_cents, updated_at)
            VALUES ('0209', '77777777', 2027, '', 123456, now())
            """, other, transaction))
            await insert.ExecuteNonQueryAsync();

        var ours = admin.PostJsonAsync("/api/ceilings", new { municipality = "0209", provider = "77777777", year = 2027, ceilingCents = 100_000 });
        await Task.Delay(TimeSpan.FromSeconds(1)); // ours now waits on the key's unique index
        await transaction.CommitAsync();
        var response = await ours;

        var conflict = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already has a ceiling", conflict.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(123_456, (await admin.OkJsonAsync("/api/ceilings/0209/77777777/2027")).Long("ceilingCents"));
        Assert.DoesNotContain((await admin.OkJsonAsync("/api/ceilings/changes?provider=77777777")).Items().Select(Describe),
            d => d.StartsWith("0209 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changing_a_ceiling_that_does_not_exist_is_not_found()
    {
        using var admin = api.Client(TestKeys.Admin);

        var response = await admin.PutAsync("/api/ceilings/0268/99999999/2026/45",
            new StringContent("""{"ceilingCents":1}""", Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("POST /api/ceilings", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ceiling_request_names_every_bad_field_and_its_rule()
    {
        using var admin = api.Client(TestKeys.Admin);

        var response = await admin.PostJsonAsync("/api/ceilings",
            new { municipality = "268", provider = "ABC", year = 1999, category = "4", ceilingCents = -1, reason = new string('x', 501) });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
        [
            ("municipality", "municipality-code"),
            ("provider", "agb-code"),
            ("year", "year-range"),
            ("category", "product-category"),
            ("ceilingCents", "ceiling-range"),
            ("reason", "max-length"),
        ], problem.Violations());
    }

    [Fact]
    public async Task A_ceiling_request_without_the_required_fields_names_them()
    {
        using var admin = api.Client(TestKeys.Admin);

        var problem = await (await admin.PostJsonAsync("/api/ceilings", new { })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([("municipality", "required"), ("provider", "required"), ("year", "required"), ("ceilingCents", "required")], problem.Violations());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_problem_too()
    {
        using var admin = api.Client(TestKeys.Admin);

        var response = await admin.PostAsync("/api/ceilings", new StringContent("{\"ceilingCents\": \"lots\"", Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([("ceilingCents", "json")], problem.Violations());
    }

    [Fact]
    public async Task The_ceilings_list_is_filtered_and_scoped_like_the_contracts()
    {
        using var dataTeam = api.Client(TestKeys.DataTeam);
        using var manager = api.Client(TestKeys.ContractManager);

        var nijmegen = await dataTeam.OkJsonAsync("/api/ceilings?municipality=0268&year=2026");
        var managed = await manager.OkJsonAsync("/api/ceilings?year=2026");

        Assert.Equal(["0268 11111111 all 1000000", "0268 22222222 all 2000000", "0268 22222222 43 150000"],
            nijmegen.Items().Select(c => $"{c.Str("municipalityCode")} {c.Str("providerAgb")} {c.GetProperty("productCategorie").GetString() ?? "all"} {c.Long("ceilingCents")}"));
        Assert.Equal(["0268", "1945"], managed.Items().Select(c => c.Str("municipalityCode")).Distinct());
    }

    private static string Describe(System.Text.Json.JsonElement c) =>
        $"{c.Str("municipalityCode")} {c.Str("providerAgb")} {c.GetProperty("year").GetInt32()}{(c.IsNull("productCategorie") ? "" : "/" + c.Str("productCategorie"))} " +
        $"{c.GetProperty("oldCeilingCents")} -> {c.Long("newCeilingCents")} by {c.Str("changedBy")}: {c.GetProperty("reason").GetString()}";
}
