using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SociaalDomein.Api.Tests;

/// <summary>
/// The daily insight and the explanation of totals over <see cref="SeedData"/>. Every seeded message was received on the
/// same Dutch day (the day the fixture ran); Nijmegen × 11111111 received A-1 500 000 (service month February),
/// A-2 300 000 and credit A-3 −50 000 of A-1 (March), each 10 hours: 750 000 over 3 lines, 1 client, 10 hours net.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DailyInsightApiTests(ApiFixture api)
{
    private async Task<string> ReceivedDayAsync()
    {
        await using var command = api.DataSource.CreateCommand("SELECT DISTINCT received_day::text FROM declaration_messages WHERE municipality_code = '0268'");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Insight_rows_carry_the_amount_by_service_month_the_year_to_date_distinct_clients_and_volume_per_unit()
    {
        using var client = api.Client(TestKeys.DataTeam);
        var day = await ReceivedDayAsync();

        var page = await client.OkJsonAsync("/api/daily-costs/insight?municipality=0268");

        Assert.Equal(4, page.Long("total"));
        Assert.Equal(
        [
            $"{day} 11111111 45 750000 3 1 750000 1",
            $"{day} 22222222 43 100000 1 1 100000 1",
            $"{day} 22222222 45 300000 1 1 300000 1",
            $"{day} 44444444 45 123456 1 1 123456 1",
        ], page.Items().Select(r =>
            $"{r.Str("day")} {r.Str("providerAgb")} {r.Str("productCategorie")} {r.Long("amountCents")} {r.Long("lineCount")} {r.Long("clientCount")} {r.Long("ytdAmountCents")} {r.Long("ytdClientCount")}"));
        var first = page.Items()[0];
        Assert.Equal(["2026-02-01 500000 1", "2026-03-01 250000 2"],
            first.GetProperty("serviceMonths").EnumerateArray().Select(m => $"{m.Str("month")} {m.Long("amountCents")} {m.Long("lineCount")}"));
        Assert.Equal(["04 10"], first.GetProperty("volumes").EnumerateArray().Select(v => $"{v.Str("eenheid")} {v.Long("volume")}"));
    }

    [Fact]
    public async Task Insight_as_csv_has_one_row_per_day_and_total_with_the_breakdowns_in_one_field_each()
    {
        using var client = api.Client(TestKeys.DataTeam);
        client.DefaultRequestHeaders.Accept.Clear();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var day = await ReceivedDayAsync();

        var response = await client.GetAsync("/api/daily-costs/insight?municipality=0268&provider=11111111");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(
            "date,municipality,provider,category,standard,amount_cents,lines,clients,ytd_amount_cents,ytd_lines,ytd_clients,service_months,volumes\r\n" +
            $"{day},0268,11111111,45,ijw,750000,3,1,750000,3,1,2026-02:500000;2026-03:250000,04:10\r\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_contract_year_explained_is_the_sum_of_its_lines_and_the_credit_names_the_debit_it_cancels()
    {
        using var client = api.Client(TestKeys.ContractManager);

        var explained = await client.OkJsonAsync("/api/contracts/0268/11111111/2026/explain");
        var contract = await client.OkJsonAsync("/api/contracts/0268/11111111/2026");

        var total = explained.GetProperty("total");
        Assert.Equal((3L, 750_000L, 800_000L, -50_000L, 2L), (total.Long("lineCount"), total.Long("amountCents"), total.Long("debitCents"),
            total.Long("creditCents"), total.Long("messages")));
        var lines = explained.GetProperty("lines").Items();
        Assert.Equal(["A-1 500000", "A-2 300000", "A-3 -50000"], lines.Select(l => $"{l.GetProperty("line").Str("referentieNummer")} {l.GetProperty("line").Long("amountCents")}"));
        Assert.Equal(750_000L, lines.Sum(l => l.GetProperty("line").Long("amountCents")));
        Assert.Equal(750_000L, contract.GetProperty("total").Long("declaredCents"));
        Assert.Equal(("A-1", 500_000L), (lines[2].GetProperty("cancels").Str("referentieNummer"), lines[2].GetProperty("cancels").Long("amountCents")));
        Assert.Equal("A-3", lines[0].GetProperty("cancelledBy").Str("referentieNummer"));
        Assert.Equal(total.Long("linesWithSignals"), lines.Count(l => l.GetProperty("signals").GetArrayLength() > 0));
        Assert.Equal(2L, explained.GetProperty("messages").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, explained.GetProperty("notCounted").ValueKind);
    }

    [Fact]
    public async Task A_day_explained_for_a_municipality_matches_that_days_insight_total_and_stays_in_the_callers_scope()
    {
        using var client = api.Client(TestKeys.ContractManager);
        var day = await ReceivedDayAsync();

        var explained = await client.OkJsonAsync($"/api/daily-costs/explain?from={day}&to={day}&municipality=0268&limit=1000");
        using var dataTeam = api.Client(TestKeys.DataTeam);
        var insight = await dataTeam.OkJsonAsync($"/api/daily-costs/insight?from={day}&to={day}&municipality=0268");
        var outside = await client.GetAsync($"/api/daily-costs/explain?from={day}&to={day}&municipality=0202");

        Assert.Equal(insight.Items().Sum(r => r.Long("amountCents")), explained.GetProperty("total").Long("amountCents"));
        Assert.Equal(1_273_456L, explained.GetProperty("total").Long("amountCents"));
        Assert.Equal(6L, explained.GetProperty("lines").Long("total"));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
    }
}
