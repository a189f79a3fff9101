using System.Net;
using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SociaalDomein.Api;
using SociaalDomein.Storage;
using SociaalDomein.Storage.Embedded;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.Benchmarks;

/// <summary>
/// Response times of the daily cost endpoints over 204 400 daily_costs rows (two years × 7 municipalities × 40
/// providers, the volume of DailyCostsVolumeTests), through real Kestrel on 127.0.0.1 and a private PostgreSQL, as a
/// data team's client calls them: request sent, whole body read.
/// </summary>
[MemoryDiagnoser]
public class DailyCostsApiBenchmarks
{

    private PrivatePostgres? _postgres;
    private WebApplication? _app;
    private HttpClient? _client;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _postgres = await PrivatePostgres.StartAsync("daily_costs_benchmark");
        var connectionString = await _postgres.CreateDatabaseAsync("benchmark");
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

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // A throwaway key made per run: no key, not even a benchmark's, is written into the repository.
            ["Api:Keys:benchmark:Key"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
            ["Api:Keys:benchmark:Role"] = "datateam",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSociaalDomeinStorage(connectionString);
        builder.Services.AddSociaalDomeinApi(builder.Configuration);
        _app = builder.Build();
        _app.MapSociaalDomeinApi();
        await _app.StartAsync();

        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single() + "/") };
        _client.DefaultRequestHeaders.Add("X-Api-Key", builder.Configuration["Api:Keys:benchmark:Key"]);
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // What is measured must be the full answer: a refused or empty one would be fast for the wrong reason.
        if (await GetAsync("api/daily-costs?limit=1") < 100) throw new InvalidOperationException("The daily costs endpoint gave no rows.");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }

    [Benchmark(Description = "first page of 1000, total over 204 400")]
    public Task<long> FirstPage() => GetAsync("api/daily-costs?limit=1000");

    [Benchmark(Description = "page 100 (offset 99 000)")]
    public Task<long> DeepPage() => GetAsync("api/daily-costs?limit=1000&offset=99000");

    [Benchmark(Description = "one provider, one year (2 555 rows)")]
    public Task<long> ProviderYear() => GetAsync("api/daily-costs?provider=10000007&from=2026-01-01&to=2026-12-31&limit=1000");

    [Benchmark(Description = "one municipality, one month (1 240 rows)")]
    public Task<long> MunicipalityMonth() => GetAsync("api/daily-costs?municipality=0268&from=2026-03-01&to=2026-03-31&limit=1000");

    [Benchmark(Description = "totals per day, a year (365 over 102 200 rows)")]
    public Task<long> PerDayYear() => GetAsync("api/daily-costs/per-day?from=2026-01-01&to=2026-12-31&limit=1000");

    [Benchmark(Description = "CSV, 100 000 rows")]
    public Task<long> Csv() => GetAsync("api/daily-costs?format=csv");

    /// <returns>The length of the body, so nothing is optimised away.</returns>
    private async Task<long> GetAsync(string path)
    {
        using var response = await _client!.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        return (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }
}
