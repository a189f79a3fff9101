using Microsoft.Extensions.Logging;
using SociaalDomein.Host.Pipeline;

namespace SociaalDomein.Fault.Tests.Infrastructure;

/// <summary>
/// The yardstick: <see cref="FaultStream"/> processed once by one in-process host on its own PostgreSQL and broker, with
/// nothing going wrong. Every disturbed run must end with exactly this report (totals, daily rows, alert ids, signals).
/// </summary>
public sealed class UndisturbedRun : IAsyncLifetime
{
    public FaultStream Stream { get; } = new();

    public PipelineReport Expected { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("undisturbed");
        await using var session = await PipelineSession.StartAsync(infrastructure.Settings, l => l.SetMinimumLevel(LogLevel.Warning));
        await session.LoadCeilingsAsync(Stream.Ceilings);
        await session.WaitUntilProcessedAsync(await session.PublishAsync(Stream.Files), TimeSpan.FromMinutes(2));
        Expected = await session.BuildReportAsync();
        if (Expected.Alerts.Count == 0 || Expected.Totals.Count == 0)
            throw new InvalidOperationException("The fault stream must raise alerts and produce totals, or the comparison proves nothing.");
    }

    public Task DisposeAsync()
    {
        Stream.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Tests that compare a disturbed run with the one undisturbed run; they run one at a time (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<UndisturbedRun>
{
    public const string Name = "Fault pipeline";
}
