using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Host.Composition;
using SociaalDomein.Host.Monitoring;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Ingestion.Publishing;
using SociaalDomein.Ingestion.Worker;
using SociaalDomein.Monitoring.Alerts;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Monitoring.Signals;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Host.Pipeline;

/// <summary>
/// A running host with every role, plus what a replay does with it: load ceilings, publish files, wait until they are
/// processed, and report. Used by <c>sdstream replay</c>, <c>sdstream demo</c> and the end-to-end tests.
/// </summary>
public sealed class PipelineSession : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly WebApplication _host;
    private bool _stopped;

    private PipelineSession(WebApplication host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>The addresses the HTTP listener is bound to (health, metrics, API), with the real port when 0 was asked for.</summary>
    public IReadOnlyList<Uri> HttpAddresses =>
        Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a)).ToList() ?? [];

    public KafkaOptions Kafka => Services.GetRequiredService<IOptions<KafkaOptions>>().Value;

    public static Task<PipelineSession> StartAsync(IReadOnlyDictionary<string, string?> settings,
        Action<ILoggingBuilder>? configureLogging = null, CancellationToken cancellationToken = default) =>
        StartAsync(settings, configureLogging, configureHost: null, cancellationToken);

    /// <param name="configureHost">Last changes to the host before it is built, e.g. an in-memory exporter in a test.</param>
    public static async Task<PipelineSession> StartAsync(IReadOnlyDictionary<string, string?> settings,
        Action<ILoggingBuilder>? configureLogging, Action<WebApplicationBuilder>? configureHost, CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = SociaalDomeinHost.CreateBuilder(configuration);
        configureLogging?.Invoke(builder.Logging);
        configureHost?.Invoke(builder);
        var host = SociaalDomeinHost.Build(builder);
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return new PipelineSession(host);
    }

    /// <summary>Stores the ceilings and lets the contracts concerned re-evaluate their thresholds at once.</summary>
    public async Task LoadCeilingsAsync(IReadOnlyList<BudgetCeiling> ceilings, CancellationToken cancellationToken = default)
    {
        var store = Services.GetRequiredService<ICeilingStore>();
        foreach (var ceiling in ceilings) await store.UpsertAsync(ceiling, cancellationToken);
        var grains = Services.GetRequiredService<IGrainFactory>();
        await Task.WhenAll(ceilings.Select(c => c.Contract).Distinct()
            .Select(contract => grains.GetGrain<IContractGrain>(contract.ToString()).RefreshCeilingsAsync()));
    }

    /// <summary>Publishes the files to the first input topic, in the order given.</summary>
    public async Task<IReadOnlyList<TopicPartitionOffset>> PublishAsync(IEnumerable<string> files, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var publisher = new MessagePublisher(Kafka);
        return await publisher.PublishFilesAsync(Kafka.EffectiveInputTopics[0], files, progress, cancellationToken);
    }

    /// <summary>
    /// Waits until every published record has been processed durably, lets every contract evaluate the day
    /// (Monitoring:AsOfDate, else today), and waits until every alert change is on the alert topic.
    /// </summary>
    public async Task WaitUntilProcessedAsync(IReadOnlyList<TopicPartitionOffset> published, TimeSpan timeout,
        IProgress<long>? processed = null, CancellationToken cancellationToken = default)
    {
        var progress = Services.GetRequiredService<IngestionProgress>();
        var alerts = Services.GetRequiredService<IAlertStore>();
        var ends = published.GroupBy(p => p.TopicPartition)
            .Select(g => new TopicPartitionOffset(g.Key, g.Max(p => p.Offset.Value) + 1)).ToList();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!progress.HasReached(ends))
            {
                processed?.Report(progress.Accepted + progress.DeadLettered);
                await Task.Delay(PollInterval, deadline.Token);
            }
            processed?.Report(progress.Accepted + progress.DeadLettered);
            // What depends on the day (lead times, pacing, forecast) is judged as of the configured day once everything is in.
            await EvaluateContractsAsync(deadline.Token);
            using (Ingestion.IngestionTelemetry.BeginUntraced())
            {
                while ((await alerts.ReadUnpublishedAsync(1, deadline.Token)).Count > 0)
                    await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"After {timeout.TotalSeconds:0} s only {progress.Accepted + progress.DeadLettered} of " +
                                       $"{published.Count} published records were processed (or alerts are still unpublished).");
        }
    }

    /// <summary>
    /// Lets every contract (and regional ceiling) judge what depends on the day, as a silo does when the day changes;
    /// returns the number of alerts that changed.
    /// </summary>
    public Task<int> EvaluateContractsAsync(CancellationToken cancellationToken = default) =>
        Services.GetRequiredService<ContractEvaluator>().EvaluateAllAsync(cancellationToken);

    /// <summary>The report of everything the pipeline holds now, every contract total reconciled with the ledger.</summary>
    public async Task<PipelineReport> BuildReportAsync(CancellationToken cancellationToken = default)
    {
        var counts = await Services.GetRequiredService<IMessageLog>().CountAsync(cancellationToken);
        var queries = Services.GetRequiredService<CostQueries>();
        var ledgerTotals = await queries.GetContractYearTotalsAsync(cancellationToken);
        var ceilings = await Services.GetRequiredService<ICeilingStore>().GetAllAsync(cancellationToken);
        var grains = Services.GetRequiredService<IGrainFactory>();

        var contracts = ledgerTotals.Select(t => new ContractKey(t.MunicipalityCode, t.ProviderAgb))
            .Concat(ceilings.Select(c => c.Contract)).Distinct()
            .OrderBy(c => c.MunicipalityCode, StringComparer.Ordinal).ThenBy(c => c.ProviderAgb, StringComparer.Ordinal);
        var totals = new List<ReportContractTotal>();
        foreach (var contract in contracts)
        {
            var summary = await grains.GetGrain<IContractGrain>(contract.ToString()).GetSummaryAsync();
            foreach (var year in summary.Years.Where(y => y.ProductCategorie is null).OrderBy(y => y.Year))
            {
                var ledger = ledgerTotals.FirstOrDefault(t => t.MunicipalityCode == contract.MunicipalityCode
                                                              && t.ProviderAgb == contract.ProviderAgb && t.Year == year.Year)?.DeclaredCents ?? 0;
                var categories = summary.Years.Where(y => y.Year == year.Year && y.ProductCategorie is not null && y.CeilingCents is not null)
                    .Select(y => new ReportCategoryCeiling(y.ProductCategorie!, y.DeclaredCents, y.CeilingCents!.Value)).ToList();
                totals.Add(new ReportContractTotal(contract.MunicipalityCode, contract.ProviderAgb, year.Year, year.DeclaredCents,
                    year.CeilingCents, UsePercent(year.DeclaredCents, year.CeilingCents), ledger, ledger == year.DeclaredCents,
                    categories.Count > 0 ? categories : null));
            }
        }

        var daily = (await queries.GetDailyCostsAsync(cancellationToken))
            .GroupBy(d => (d.Date, d.MunicipalityCode, d.ProviderAgb, d.ProductCategorie))
            .Select(g => new ReportDailyCost(g.Key.Date, g.Key.MunicipalityCode, g.Key.ProviderAgb, g.Key.ProductCategorie,
                g.Sum(d => d.AmountCents), g.Sum(d => d.LineCount)))
            .OrderBy(d => d.Date).ThenBy(d => d.Municipality, StringComparer.Ordinal).ThenBy(d => d.Provider, StringComparer.Ordinal)
            .ThenBy(d => d.Category, StringComparer.Ordinal)
            .ToList();

        var alerts = (await Services.GetRequiredService<IAlertStore>().GetAllAsync(cancellationToken))
            .OrderBy(a => a.MunicipalityCode, StringComparer.Ordinal).ThenBy(a => a.ProviderAgb, StringComparer.Ordinal)
            .ThenBy(a => a.Year).ThenBy(a => a.ProductCategorie, StringComparer.Ordinal).ThenBy(a => a.ThresholdPercent)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new ReportAlert(a.Id, a.Kind, a.Severity, a.MunicipalityCode, a.ProviderAgb, a.Year, a.ProductCategorie,
                a.ThresholdPercent, a.DeclaredCents, a.CeilingCents, a.IsResolved ? "resolved" : "open", a.Revision,
                a.Figures is { } f ? new ReportAlertFigures(f.Actual, f.Limit, f.Unit, f.Basis) : null, a.Description))
            .ToList();
        var kinds = AlertKinds.All
            .Select(kind => new ReportAlertKind(kind, alerts.Count(a => a.Kind == kind && a.Status == "open"),
                alerts.Count(a => a.Kind == kind && a.Status == "resolved")))
            .ToList();

        var signals = (await Services.GetRequiredService<ISignalStore>().CountOpenAsync(cancellationToken))
            .Select(c => new ReportSignalCount(c.MunicipalityCode, c.ProviderAgb, c.Rule, c.Count)).ToList();

        return new PipelineReport(new ReportMessages(counts.Accepted, counts.DeadLettered), totals, daily, alerts, signals, kinds);
    }

    private static decimal? UsePercent(long declared, long? ceiling) =>
        ceiling is > 0 ? Math.Floor(declared * 10_000m / ceiling.Value) / 100m : null;

    /// <summary>
    /// Stops the host as SIGTERM does: the worker finishes the records in its lanes, commits and leaves its group, then the
    /// silo deactivates its grains.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopped) return;
        _stopped = true;
        await _host.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            await _host.DisposeAsync();
        }
    }
}
