using Npgsql;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.Api.Tests;

/// <summary>
/// The daily cost endpoints over 204 400 daily_costs rows (two years × 7 municipalities × 40 providers), through real
/// Kestrel and PostgreSQL: filters, deep pages, totals per day and the CSV cap give exact figures at volume. How fast
/// they answer is measured by DailyCostsApiBenchmarks in load-tests/SociaalDomein.Benchmarks, never here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DailyCostsVolumeTests(ApiFixture api)
{
    [Fact]
    public async Task Over_two_hundred_thousand_rows_the_daily_costs_are_filtered_paged_totalled_and_capped_exactly()
    {
        var connectionString = await api.Postgres.CreateDatabaseAsync("volume");
        long amount2026;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await new MigrationRunner(dataSource).MigrateAsync();
            await using var seed = dataSource.CreateCommand("""
                INSERT INTO daily_costs (day, municipality_code, provider_agb, product_categorie, standard, amount_cents, line_count)
                SELECT day::date, municipality, lpad(provider::text, 8, '0'), '45', 'ijw', 1000 + (provider * 37 + extract(doy FROM day)::int * 11) % 90000, 1 + provider % 5
                FROM generate_series(date '2025-01-01', date '2026-12-31', interval '1 day') AS day,
                     unnest(ARRAY['0268', '1945', '0252', '0209', '0225', '0241', '0296']) AS municipality,
                     generate_series(10000001, 10000040) AS provider;
                ANALYZE daily_costs;
                """);
            await seed.ExecuteNonQueryAsync();
            await using var sum = dataSource.CreateCommand("SELECT sum(amount_cents)::bigint FROM daily_costs WHERE day BETWEEN '2026-01-01' AND '2026-12-31'");
            amount2026 = (long)(await sum.ExecuteScalarAsync())!;
        }

        await using var app = await ApiHost.StartAsync(connectionString, withSilo: false);
        using var client = new HttpClient { BaseAddress = app.BaseAddress() };
        client.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.DataTeam);

        var first = await client.OkJsonAsync("/api/daily-costs?limit=1000");
        var deep = await client.OkJsonAsync("/api/daily-costs?limit=1000&offset=99000");
        Assert.Equal((204_400L, 1000, 204_400L, 1000), (first.Long("total"), first.Items().Count, deep.Long("total"), deep.Items().Count));
        Assert.Equal(2_555, (await client.OkJsonAsync("/api/daily-costs?provider=10000007&from=2026-01-01&to=2026-12-31&limit=1")).Long("total"));
        Assert.Equal(1_240, (await client.OkJsonAsync("/api/daily-costs?municipality=0268&from=2026-03-01&to=2026-03-31&limit=1")).Long("total"));

        var days = (await client.OkJsonAsync("/api/daily-costs/per-day?from=2026-01-01&to=2026-12-31&limit=1000")).Items();
        Assert.Equal((365, amount2026), (days.Count, days.Sum(d => d.Long("amountCents"))));

        // The CSV stops at its cap of 100 000 rows (plus the header) rather than at the page size of a JSON list.
        var csv = await client.GetStringAsync("/api/daily-costs?format=csv");
        Assert.Equal(DailyCosts.DailyCostsApi.MaxCsvRows + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
