using System.Net;
using System.Net.Http.Headers;

namespace SociaalDomein.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DailyCostsApiTests(ApiFixture api)
{
    [Fact]
    public async Task Filtering_by_municipality_and_period_returns_the_rows_of_those_days_in_key_order()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var page = await client.OkJsonAsync("/api/daily-costs?municipality=0268&from=2026-03-01&to=2026-03-31");

        Assert.Equal(3, page.Long("total"));
        Assert.Equal(
        [
            "2026-03-05 0268 11111111 45 ijw 500000 1",
            "2026-03-05 0268 22222222 43 ijw 100000 1",
            "2026-03-05 0268 22222222 45 ijw 300000 1",
        ], page.Items().Select(Row));
        Assert.True(page.IsNull("next"));
    }

    [Fact]
    public async Task Provider_category_and_standard_filters_combine()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var page = await client.OkJsonAsync("/api/daily-costs?provider=11111111&category=45&standard=ijw");

        Assert.Equal(
        [
            "2026-03-05 0268 11111111 45 ijw 500000 1",
            "2026-03-06 1945 11111111 45 ijw 550000 1",
            "2026-04-03 0268 11111111 45 ijw 250000 2",
        ], page.Items().Select(Row));
        Assert.Equal(0, (await client.OkJsonAsync("/api/daily-costs?standard=iwmo")).Long("total"));
    }

    [Fact]
    public async Task A_list_is_paged_with_a_total_and_a_link_to_the_next_page()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var first = await client.OkJsonAsync("/api/daily-costs?from=2026-01-01&limit=3");
        var second = await client.OkJsonAsync(first.Str("next"));
        var third = await client.OkJsonAsync(second.Str("next"));

        Assert.Equal(8, first.Long("total"));
        Assert.Equal("/api/daily-costs?from=2026-01-01&limit=3&offset=3", first.Str("next"));
        Assert.Equal(3, second.Items().Count);
        Assert.Equal(2, third.Items().Count);
        Assert.True(third.IsNull("next"));
        var all = first.Items().Concat(second.Items()).Concat(third.Items()).Select(Row).ToList();
        Assert.Equal(8, all.Distinct().Count());
        Assert.Equal((await client.OkJsonAsync("/api/daily-costs?limit=1000")).Items().Select(Row), all);
    }

    [Fact]
    public async Task Csv_is_served_for_format_csv_and_for_an_accept_header_with_the_total_in_a_header()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var response = await client.GetAsync("/api/daily-costs?municipality=1945&format=csv");
        using var accept = new HttpRequestMessage(HttpMethod.Get, "/api/daily-costs?municipality=1945");
        accept.Headers.Accept.Clear();
        accept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var negotiated = await client.SendAsync(accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["1"], response.Headers.GetValues("X-Total-Count"));
        const string Expected = "date,municipality,provider,category,standard,amount_cents,lines\r\n2026-03-06,1945,11111111,45,ijw,550000,1\r\n";
        Assert.Equal(Expected, await response.Content.ReadAsStringAsync());
        Assert.Equal(Expected, await negotiated.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_csv_page_links_to_the_next_one()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var response = await client.GetAsync("/api/daily-costs?format=csv&limit=5");

        Assert.Equal(["8"], response.Headers.GetValues("X-Total-Count"));
        Assert.Equal(["</api/daily-costs?format=csv&limit=5&offset=5>; rel=\"next\""], response.Headers.GetValues("Link"));
        Assert.Equal(6, (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Every_bad_value_is_named_with_its_field_and_rule_in_one_problem()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var response = await client.GetAsync("/api/daily-costs?from=2026-13-01&to=2026-02-30&municipality=268&provider=123&category=4&standard=wlz&limit=0&offset=-1&format=xml");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
        [
            ("format", "allowed-values"),
            ("municipality", "municipality-code"),
            ("from", "date-format"),
            ("to", "date-format"),
            ("provider", "agb-code"),
            ("category", "product-category"),
            ("standard", "standard"),
            ("limit", "limit-range"),
            ("offset", "offset-range"),
        ], problem.Violations());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty("municipality", out _));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var problem = await (await client.GetAsync("/api/daily-costs?from=2026-04-01&to=2026-03-01")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([("to", "period-order")], problem.Violations());
    }

    [Fact]
    public async Task A_contract_manager_sees_the_daily_costs_of_the_municipalities_on_the_key_only()
    {
        using var client = api.Client(TestKeys.ContractManager);

        var page = await client.OkJsonAsync("/api/daily-costs?limit=1000");

        Assert.Equal(["0268", "1945"], page.Items().Select(r => r.Str("municipalityCode")).Distinct().Order());
        Assert.Equal(6, page.Long("total"));
    }

    [Fact]
    public async Task Totals_per_day_add_up_every_selected_row_of_the_day()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var page = await client.OkJsonAsync("/api/daily-costs/per-day?from=2026-03-05&to=2026-03-06");

        Assert.Equal(
        [
            "2026-03-05 1700000 4",
            "2026-03-06 550000 1",
        ], page.Items().Select(d => $"{d.Str("date")} {d.Long("amountCents")} {d.Long("lineCount")}"));
    }

    private static string Row(System.Text.Json.JsonElement r) =>
        $"{r.Str("date")} {r.Str("municipalityCode")} {r.Str("providerAgb")} {r.Str("productCategorie")} {r.Str("standard")} {r.Long("amountCents")} {r.Long("lineCount")}";
}
