using System.Net;
using System.Text.Json;

namespace SociaalDomein.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ContractsApiTests(ApiFixture api)
{
    [Fact]
    public async Task Year_to_date_per_contract_shows_declared_ceiling_use_and_traffic_light()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var page = await client.OkJsonAsync("/api/contracts?year=2026&municipality=0268");

        Assert.Equal(
        [
            "0268 11111111 2026 declared=750000 ceiling=1000000 use=75.0 amber lines=3 last=2026-04-03",
            "0268 22222222 2026 declared=400000 ceiling=2000000 use=20.0 green lines=2 last=2026-03-05",
            "0268 44444444 2026 declared=123456 ceiling= use= none lines=1 last=2026-04-03",
        ], page.Items().Select(Contract));
        Assert.False(page.Items()[0].TryGetProperty("forecastCents", out _));
    }

    [Fact]
    public async Task Each_listed_contract_carries_the_same_year_end_forecast_as_its_detail()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var items = (await client.OkJsonAsync("/api/contracts?year=2026&municipality=0268")).Items();

        Assert.Equal(["11111111", "22222222", "44444444"], items.Select(c => c.Str("providerAgb")));
        foreach (var item in items.Take(2))
        {
            var detail = await client.OkJsonAsync($"/api/contracts/0268/{item.Str("providerAgb")}/2026");
            var forecast = item.GetProperty("forecast");
            Assert.Equal(detail.GetProperty("forecast").GetRawText(), forecast.GetRawText());
            Assert.Equal(detail.GetProperty("total").GetProperty("forecast").GetRawText(), forecast.GetRawText());
            Assert.Equal(item.Long("ceilingCents"), forecast.Long("ceilingCents"));
            Assert.Equal(forecast.Long("projectedCents") > forecast.Long("ceilingCents"), forecast.GetProperty("aboveCeiling").GetBoolean());
        }
        // Without a ceiling there is no forecast.
        Assert.True(items[2].IsNull("forecast"));
    }

    [Fact]
    public async Task A_contract_with_a_ceiling_and_no_declarations_yet_is_listed_at_zero()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var page = await client.OkJsonAsync("/api/contracts?year=2026&provider=55555555");

        Assert.Equal(["0344 55555555 2026 declared=0 ceiling=300000 use=0.0 green lines=0 last="], page.Items().Select(Contract));
    }

    [Fact]
    public async Task A_contract_year_shows_each_category_against_its_own_ceiling()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var detail = await client.OkJsonAsync("/api/contracts/0268/22222222/2026");

        Assert.Equal("0268 22222222 2026 declared=400000 ceiling=2000000 use=20.0 green lines=2 last=2026-03-05", Contract(detail.GetProperty("total")));
        Assert.Equal(
        [
            "43 declared=100000 ceiling=150000 use=66.7 green lines=1",
            "45 declared=300000 ceiling= use= none lines=1",
        ], detail.GetProperty("categories").EnumerateArray().Select(c =>
            $"{c.Str("productCategorie")} declared={c.Long("declaredCents")} ceiling={c.GetProperty("ceilingCents")} use={Percent(c)} {c.Str("status")} lines={c.Long("lineCount")}"));
        Assert.Equal("/api/contracts/0268/22222222/2026/lines", detail.Str("lines"));
        Assert.Equal("/api/contracts/0268/22222222/2026/messages", detail.Str("messages"));

        // The grain's projection (as of today: the run rate of the complete months for the rest of the year), against the ceiling.
        var forecast = detail.GetProperty("forecast");
        Assert.Equal((2_000_000L, false), (forecast.Long("ceilingCents"), forecast.GetProperty("aboveCeiling").GetBoolean()));
        Assert.InRange(forecast.Long("projectedCents"), 400_000L, 2_000_000L);
        Assert.Contains(forecast.Str("method"), new[] { "RunRatePlusOpenAllocations", "RunRate", "DeclaredToDate" });
    }

    [Fact]
    public async Task A_contract_year_total_drills_down_to_lines_and_messages_that_add_up_to_it()
    {
        using var manager = api.Client(TestKeys.ContractManager);
        using var dataTeam = api.Client(TestKeys.DataTeam);

        var total = (await dataTeam.OkJsonAsync("/api/contracts/0268/11111111/2026")).GetProperty("total").Long("declaredCents");
        var lines = await manager.OkJsonAsync("/api/contracts/0268/11111111/2026/lines");
        var messages = await manager.OkJsonAsync("/api/contracts/0268/11111111/2026/messages");

        Assert.Equal(750_000, total);
        Assert.Equal(
        [
            "A-1  500000 ijw:323:11111111:D-0268-20260305 istd.ijw/0@0",
            "A-2  300000 ijw:323:11111111:D-0268-20260403 istd.ijw/0@1",
            "A-3 A-1 -50000 ijw:323:11111111:D-0268-20260403 istd.ijw/0@1",
        ], lines.Items().Select(l =>
            $"{l.Str("referentieNummer")} {l.GetProperty("vorigReferentieNummer").GetString()} {l.Long("amountCents")} {l.Str("messageId")} {l.Str("sourceTopic")}/{l.Long("sourcePartition")}@{l.Long("sourceOffset")}"));
        Assert.Equal(total, lines.Items().Sum(l => l.Long("amountCents")));
        Assert.Equal(
        [
            "ijw:323:11111111:D-0268-20260305 2026-03-05 lines=1 500000 logged=True",
            "ijw:323:11111111:D-0268-20260403 2026-04-03 lines=2 250000 logged=True",
        ], messages.Items().Select(m =>
            $"{m.Str("messageId")} {m.Str("dagtekening")} lines={m.Long("lineCount")} {m.Long("amountCents")} logged={!m.IsNull("loggedAt")}"));
        Assert.Equal(total, messages.Items().Sum(m => m.Long("amountCents")));
    }

    [Fact]
    public async Task Lines_carry_the_client_only_as_pseudonym()
    {
        using var client = api.Client(TestKeys.ContractManager);

        var response = await client.GetAsync("/api/contracts/0268/11111111/2026/lines");
        var body = await response.Content.ReadAsStringAsync();
        var line = JsonDocument.Parse(body).RootElement.Items()[0];

        Assert.Equal(SeedData.Pseudonym, line.Str("clientPseudonym"));
        Assert.DoesNotContain("bsn", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_contract_year_without_declarations_or_ceiling_is_not_found()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var problem = await (await client.GetAsync("/api/contracts/0268/99999999/2026")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("0268:99999999", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_contract_key_names_each_bad_part()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var problem = await (await client.GetAsync("/api/contracts/268/1234/20x6")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([("municipality", "municipality-code"), ("provider", "agb-code"), ("year", "year-range")], problem.Violations());
    }

    [Fact]
    public async Task A_contract_manager_lists_the_contracts_of_the_municipalities_on_the_key_only()
    {
        using var client = api.Client(TestKeys.ContractManager);

        var page = await client.OkJsonAsync("/api/contracts?year=2026");

        Assert.Equal(["0268", "0268", "0268", "1945"], page.Items().Select(c => c.Str("municipalityCode")));
    }

    internal static string Contract(JsonElement c) =>
        $"{c.Str("municipalityCode")} {c.Str("providerAgb")} {c.GetProperty("year").GetInt32()} declared={c.Long("declaredCents")} " +
        $"ceiling={c.GetProperty("ceilingCents")} use={Percent(c)} {c.Str("status")} lines={c.Long("lineCount")} " +
        $"last={c.GetProperty("lastDagtekening").GetString()}";

    internal static string Percent(JsonElement c, string property = "ceilingUsePercent") =>
        c.IsNull(property) ? "" : c.GetProperty(property).GetDecimal().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
