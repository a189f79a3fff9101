using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Monitoring.Budget;
using SociaalDomein.Monitoring.Evaluation;

namespace SociaalDomein.Host.Monitoring;

/// <summary>
/// Runs in every silo: when the Dutch day has changed since the last run (and once at start), every contract
/// re-evaluates its lead times, pacing and forecast, so an unanswered request turns overdue without any new message.
/// The silos agree through <see cref="IDailyEvaluationGrain"/> which one evaluates a day; should two ever do it, that
/// is harmless: evaluating the same day again changes nothing.
/// </summary>
public sealed class DailyEvaluationService(
    ContractEvaluator evaluator,
    IGrainFactory grains,
    IOptions<MonitoringOptions> options,
    IMonitoringDay day,
    TimeProvider clock,
    ILogger<DailyEvaluationService> logger) : BackgroundService
{
    /// <summary>How long a claim on a day holds: longer than evaluating every contract takes, short enough to take over.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    /// <summary>This silo's name in the claims (unique per service: two silos in one process are two claimants).</summary>
    private readonly string Silo = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateOnly? evaluated = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var today = day.Today;
            if (evaluated != today)
            {
                try
                {
                    var coordinator = grains.GetGrain<IDailyEvaluationGrain>(IDailyEvaluationGrain.Key);
                    switch (await coordinator.TryClaimAsync(today, Silo, Lease))
                    {
                        case DayClaim.Claimed:
                            await evaluator.EvaluateAllAsync(stoppingToken);
                            await coordinator.CompleteAsync(today, Silo);
                            evaluated = today;
                            break;
                        case DayClaim.Done:
                            evaluated = today;
                            break;
                        case DayClaim.InProgressElsewhere:
                            logger.LogDebug("Another silo is evaluating {Day}", today);
                            break;
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Evaluating the contracts for {Day} failed; retrying at the next interval", today);
                }
            }
            try
            {
                await Task.Delay(options.Value.EvaluationInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
