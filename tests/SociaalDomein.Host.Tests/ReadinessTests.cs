using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.Worker;

namespace SociaalDomein.Host.Tests;

/// <summary>While PostgreSQL is down the host is not ready, and the worker pauses instead of failing on every record.</summary>
[Trait("Category", "Operations")]
[Collection(PipelineCollection.Name)]
public sealed class ReadinessTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-host-ready-");

    [Fact]
    public async Task Without_PostgreSQL_the_host_is_not_ready_and_the_worker_pauses_until_it_is_back()
    {
        var month = new DateOnly(2026, 5, 1);
        var first = Jw.WriteFile(_work, "1.xml", Jw.Declaratie323("D-1", new DateOnly(2026, 6, 3), month, Jw.Debit("R1", month, 2, 10_000)));
        var second = Jw.WriteFile(_work, "2.xml", Jw.Declaratie323("D-2", new DateOnly(2026, 6, 4), month, Jw.Debit("R2", month, 3, 10_000)));
        var logs = new CapturingLoggerProvider();
        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("ready");
        var settings = new Dictionary<string, string?>(infrastructure.Settings) { ["Health:ReadinessCacheMs"] = "200" };
        await using var session = await PipelineSession.StartAsync(settings, l => l.SetMinimumLevel(LogLevel.Information).AddProvider(logs)
            .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(level => level >= LogLevel.Warning));
        using var http = new HttpClient { BaseAddress = session.HttpAddresses[0] };
        var progress = session.Services.GetRequiredService<IngestionProgress>();
        await session.WaitUntilProcessedAsync(await session.PublishAsync([first]), TimeSpan.FromMinutes(1));

        await infrastructure.Postgres.StopAsync();

        var notReady = await PollAsync(() => http.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        var body = await notReady.Content.ReadAsStringAsync();
        Assert.Contains("\"postgres\"", body, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL does not answer", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        await PollAsync(() => Task.FromResult(logs.Lines.ToList()), lines => lines.Any(l => l.Contains("Pausing consumption of", StringComparison.Ordinal)));
        Assert.Contains(logs.Lines, l => l.Contains("Pausing consumption of", StringComparison.Ordinal) && l.Contains("postgres:", StringComparison.Ordinal));

        // A record published meanwhile waits in Kafka: the worker neither takes it nor fails on it.
        var published = await session.PublishAsync([second]);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, progress.Accepted);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Processing istd.ijw", StringComparison.Ordinal));

        await infrastructure.Postgres.RestartAsync();

        await session.WaitUntilProcessedAsync(published, TimeSpan.FromMinutes(1));
        Assert.Equal(2, progress.Accepted);
        Assert.Contains(logs.Lines, l => l.Contains("Resuming consumption of", StringComparison.Ordinal));
        await PollAsync(() => http.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK);
        var report = await session.BuildReportAsync();
        Assert.Equal(50_000, Assert.Single(report.Totals).DeclaredCents);
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"still not there after 30 s: {value}");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _work.Delete(recursive: true);
}
