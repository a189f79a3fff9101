using System.Diagnostics;
using System.Net;
using Npgsql;
using SociaalDomein.Storage.Migrations;
using Xunit.Abstractions;

namespace SociaalDomein.Api.Tests;

/// <summary>
/// Response times of the daily cost endpoints over 204 400 daily_costs rows (two years × 7 municipalities × 40
/// providers), through real Kestrel and PostgreSQL on this machine. The bounds are loose (a 2-core CI machine); the
/// measured medians are written to the test output.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DailyCostsPerformanceTests(ApiFixture api, ITestOutputHelper output)
{
    private const int Runs = 5;

    [Fact]
    public async Task Daily_costs_answer_within_bounds_over_two_hundred_thousand_rows()
    {
        var connectionString = await api.Postgres.CreateDatabaseAsync("perf");
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
        }

        await using var app = await ApiHost.StartAsync(connectionString, withSilo: false);
        using var client = new HttpClient { BaseAddress = app.BaseAddress() };
        client.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.DataTeam);

        var results = new List<(string Name, TimeSpan Median, long Bytes)>
        {
            await MeasureAsync(client, "first page of 1000 rows, total over all 204 400", "/api/daily-costs?limit=1000"),
            await MeasureAsync(client, "page 100 (offset 99 000)", "/api/daily-costs?limit=1000&offset=99000"),
            await MeasureAsync(client, "one provider, one year (2 555 rows)", "/api/daily-costs?provider=10000007&from=2026-01-01&to=2026-12-31&limit=1000"),
            await MeasureAsync(client, "one municipality, one month (1 240 rows)", "/api/daily-costs?municipality=0268&from=2026-03-01&to=2026-03-31&limit=1000"),
            await MeasureAsync(client, "totals per day for a year (365 days over 102 200 rows)", "/api/daily-costs/per-day?from=2026-01-01&to=2026-12-31&limit=1000"),
            await MeasureAsync(client, "CSV, 100 000 rows", "/api/daily-costs?format=csv"),
        };

        foreach (var (name, median, bytes) in results)
            output.WriteLine($"{name}: median {median.TotalMilliseconds:0} ms over {Runs} runs, {bytes / 1024.0:0} KiB");
        Assert.All(results.Take(5), r => Assert.True(r.Median < TimeSpan.FromSeconds(2), $"{r.Name}: {r.Median.TotalMilliseconds:0} ms"));
        Assert.True(results[5].Median < TimeSpan.FromSeconds(8), $"{results[5].Name}: {results[5].Median.TotalMilliseconds:0} ms");
        Assert.Equal(204_400, (await client.OkJsonAsync("/api/daily-costs?limit=1")).Long("total"));
    }

    private static async Task<(string, TimeSpan, long)> MeasureAsync(HttpClient client, string name, string path)
    {
        await client.GetByteArrayAsync(path); // warm-up: connection pool, JIT, PostgreSQL buffers
        var times = new List<TimeSpan>();
        long bytes = 0;
        for (var run = 0; run < Runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            times.Add(stopwatch.Elapsed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bytes = body.Length;
        }
        return (name, times.Order().ElementAt(Runs / 2), bytes);
    }
}
