using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Monitoring.Budget;

namespace SociaalDomein.Host.Monitoring;

/// <summary>
/// Runs in every silo: when the Dutch day has changed since the last run (and once at start), every contract
/// re-evaluates its lead times, pacing and forecast, so an unanswered request turns overdue without any new message.
/// Two silos doing it twice is harmless: evaluating the same day again changes nothing.
/// </summary>
public sealed class DailyEvaluationService(
    ContractEvaluator evaluator,
    IOptions<MonitoringOptions> options,
    TimeProvider clock,
    ILogger<DailyEvaluationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateOnly? evaluated = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var today = options.Value.Today(clock);
            if (evaluated != today)
            {
                try
                {
                    await evaluator.EvaluateAllAsync(stoppingToken);
                    evaluated = today;
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
