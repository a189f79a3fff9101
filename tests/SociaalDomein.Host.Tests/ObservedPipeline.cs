using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Host.Tests;

/// <summary>
/// Tests that start a pipeline run one at a time: the ingestion metrics are process-wide counters, and on two cores
/// pipelines in parallel only slow each other down.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<ObservedPipeline>
{
    public const string Name = "Pipeline";
}

/// <summary>
/// One embedded pipeline, observed: every span in memory, and /metrics scraped before and after it processed one
/// accepted declaration (crossing 75, 90 and 100 % of its contract's ceiling) and one refused message.
/// </summary>
public sealed class ObservedPipeline : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-host-observed-");
    private readonly List<Activity> _spans = [];
    private EmbeddedInfrastructure? _infrastructure;

    public PipelineSession Session { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>/metrics before anything was published.</summary>
    public string MetricsBefore { get; private set; } = "";

    /// <summary>/metrics once both records were processed and the alerts published.</summary>
    public string MetricsAfter { get; private set; } = "";

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans) return _spans.ToList();
        }
    }

    public async Task InitializeAsync()
    {
        var month = new DateOnly(2026, 5, 1);
        var files = new[]
        {
            // 10 × €100 = €1 000 of a €1 000 ceiling: 75, 90 and 100 % are crossed by this one message.
            Jw.WriteFile(_work, "1.xml", Jw.Declaratie323("D-1", new DateOnly(2026, 6, 3), month, Jw.Debit("R1", month, 10, 10_000))),
            Jw.WriteFile(_work, "2.xml", Jw.BrokenDeclaratie323("D-2", new DateOnly(2026, 6, 4), month)),
        };
        _infrastructure = await EmbeddedInfrastructure.StartAsync("observed");
        Session = await PipelineSession.StartAsync(_infrastructure.Settings, l => l.SetMinimumLevel(LogLevel.Warning),
            host => host.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans)));
        Http = new HttpClient { BaseAddress = Session.HttpAddresses[0], Timeout = TimeSpan.FromSeconds(30) };
        MetricsBefore = await Http.GetStringAsync("/metrics");
        await Session.LoadCeilingsAsync([new BudgetCeiling(new ContractKey(Jw.Nijmegen, Jw.ZorgA), 2026, null, 100_000)]);
        var published = await Session.PublishAsync(files);
        await Session.WaitUntilProcessedAsync(published, TimeSpan.FromMinutes(1));
        // The lag gauge is sampled every second from the consume loop; give it one sample after the last record.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        MetricsAfter = await Http.GetStringAsync("/metrics");
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Session is not null) await Session.DisposeAsync();
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
        _work.Delete(recursive: true);
    }
}
