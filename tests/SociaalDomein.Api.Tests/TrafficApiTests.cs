using System.Net;

namespace SociaalDomein.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class TrafficApiTests(ApiFixture api)
{
    [Fact]
    public async Task The_summary_counts_messages_once_records_each_time_and_dead_letters()
    {
        using var client = api.Client(TestKeys.Backoffice);

        var summary = await client.OkJsonAsync("/api/traffic/summary");

        // Seven declaration messages, the first of them sent twice; three records refused.
        Assert.Equal("messages=7 records=8 deadLettered=3 lines=10",
            $"messages={summary.Long("acceptedMessages")} records={summary.Long("acceptedRecords")} deadLettered={summary.Long("deadLettered")} lines={summary.Long("acceptedLines")}");
    }

    [Fact]
    public async Task Dead_letters_are_counted_per_rule_most_frequent_first()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var page = await client.OkJsonAsync("/api/traffic/dead-letter-rules");

        Assert.Equal(["bsn-elfproef 2 The BSN fails the elfproef.", "xsd 1 Element Prestatie/ProductPeriode/Begindatum is missing."],
            page.Items().Select(r => $"{r.Str("rule")} {r.Long("count")} {r.Str("exampleReason")}"));
    }

    [Fact]
    public async Task Accepted_traffic_is_listed_per_provider()
    {
        using var client = api.Client(TestKeys.Backoffice);

        var page = await client.OkJsonAsync("/api/traffic/providers");

        Assert.Equal(
        [
            "11111111 messages=3 records=4 lines=5",
            "22222222 messages=1 records=1 lines=2",
            "33333333 messages=1 records=1 lines=1",
            "44444444 messages=1 records=1 lines=1",
            "66666666 messages=1 records=1 lines=1",
        ], page.Items().Select(p => $"{p.Str("providerAgb")} messages={p.Long("acceptedMessages")} records={p.Long("acceptedRecords")} lines={p.Long("lines")}"));
    }

    [Fact]
    public async Task The_backoffice_lists_dead_letters_with_their_position_and_rule()
    {
        using var client = api.Client(TestKeys.Backoffice);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd");

        var all = await client.OkJsonAsync("/api/traffic/dead-letters?rule=bsn-elfproef");
        var later = await client.OkJsonAsync($"/api/traffic/dead-letters?from={tomorrow}");

        Assert.Equal(["istd.ijw/0@900 bsn-elfproef Client/Bsn", "istd.ijw/0@901 bsn-elfproef Client/Bsn"],
            all.Items().Select(d => $"{d.Str("sourceTopic")}/{d.Long("sourcePartition")}@{d.Long("sourceOffset")} {d.Str("rule")} {d.Str("element")}").Order(StringComparer.Ordinal));
        Assert.Equal(0, later.Long("total"));
    }

    [Fact]
    public async Task Line_signals_are_counted_per_provider_and_rule_open_and_resolved()
    {
        using var client = api.Client(TestKeys.DataTeam);

        var page = await client.OkJsonAsync("/api/traffic/signals?limit=1000");

        var expected = new List<string>();
        await using (var command = api.DataSource.CreateCommand("""
            SELECT provider_agb, rule, count(*) FILTER (WHERE resolved_at IS NULL), count(*) FILTER (WHERE resolved_at IS NOT NULL)
            FROM line_signals GROUP BY provider_agb, rule ORDER BY provider_agb, rule
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                expected.Add($"{reader.GetString(0)} {reader.GetString(1)} open={reader.GetInt64(2)} resolved={reader.GetInt64(3)}");
        }
        var listed = page.Items().Select(s => $"{s.Str("providerAgb")} {s.Str("rule")} open={s.Long("open")} resolved={s.Long("resolved")}").ToList();

        Assert.NotEmpty(listed);
        Assert.Equal(expected, listed);
        Assert.Contains(page.Items(), s => s.Str("providerAgb") == "22222222" && s.Long("resolved") == 1);
    }

    [Fact]
    public async Task A_bad_period_is_refused()
    {
        using var client = api.Client(TestKeys.Backoffice);

        var problem = await (await client.GetAsync("/api/traffic/summary?from=yesterday")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([("from", "date-format")], problem.Violations());
    }
}
