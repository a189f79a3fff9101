using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Delivery.Alerts;
using SociaalDomein.Delivery.Email;
using SociaalDomein.Delivery.Log;
using SociaalDomein.Delivery.Subscriptions;
using SociaalDomein.Delivery.Webhooks;

namespace SociaalDomein.Delivery.Worker;

/// <summary>
/// Delivers one alert revision to every subscription that wants it, each channel on its own, and returns once every
/// delivery is settled in the log: delivered, or given up after a permanent refusal or the last attempt.
/// </summary>
public sealed class AlertDispatcher(
    SubscriptionStore subscriptions,
    DeliveryLog log,
    WebhookSender webhooks,
    EmailSender email,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    DeliveryTelemetry telemetry,
    ILogger<AlertDispatcher> logger)
{
    /// <summary>The deliveries this call settled (deliveries settled before are skipped and not listed).</summary>
    public async Task<IReadOnlyList<DeliveryOutcome>> DispatchAsync(AlertDocument alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        // Read per alert, so a subscription added or changed through the API counts from the next alert on.
        var matching = (await subscriptions.ListActiveAsync(cancellationToken)).Where(s => s.Matches(alert)).ToList();
        var deliveries = matching.SelectMany(s => s.Channels.Select(c => (Subscription: s, Key: new DeliveryKey(s.Id, alert.Id, alert.Revision, c))));
        // In parallel: one subscriber's slow or failing endpoint, with its waits between attempts, delays no other subscriber.
        var outcomes = await Task.WhenAll(deliveries.Select(d => DeliverAsync(d.Subscription, d.Key, alert, cancellationToken)));
        return outcomes.OfType<DeliveryOutcome>().ToList();
    }

    private async Task<DeliveryOutcome?> DeliverAsync(Subscription subscription, DeliveryKey key, AlertDocument alert, CancellationToken cancellationToken)
    {
        var (status, attempts) = await log.BeginAsync(key, alert.Change, cancellationToken);
        if (status != DeliveryStatus.Pending) return null;

        var started = clock.GetTimestamp();
        using var activity = DeliveryTelemetry.StartDelivery(key, alert);
        DeliveryOutcome Settle(string settled, int attempted)
        {
            telemetry.Settled(activity, key, settled, attempted, clock.GetElapsedTime(started));
            return new DeliveryOutcome(key, settled, attempted);
        }

        var maxAttempts = options.Value.MaxAttempts;
        Func<Task<AttemptResult>> send = key.Channel switch
        {
            DeliveryChannel.Webhook => () => webhooks.SendAsync(subscription, key, WebhookPayload.Create(subscription.Id, alert), cancellationToken),
            DeliveryChannel.Email => () => email.SendAsync(subscription, AlertEmail.For(subscription, alert), cancellationToken),
            _ => throw new InvalidOperationException($"Unknown channel {key.Channel}."),
        };

        for (var attempt = attempts + 1; ; attempt++)
        {
            if (attempt > maxAttempts)
            {
                // Attempts made before a restart already used up the budget (it may have been lowered since).
                await log.RecordAttemptAsync(key, attempts, DeliveryStatus.Failed, $"gave up after {attempts} attempts", clock.GetUtcNow(), cancellationToken);
                return Settle(DeliveryStatus.Failed, attempts);
            }
            if (attempt > 1) await Task.Delay(options.Value.RetryDelay(attempt), clock, cancellationToken);

            var result = await send();
            telemetry.Attempted(key, result.Outcome);
            var settled = result.Outcome switch
            {
                AttemptOutcome.Delivered => DeliveryStatus.Delivered,
                AttemptOutcome.Permanent => DeliveryStatus.Failed,
                _ => attempt >= maxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Pending,
            };
            await log.RecordAttemptAsync(key, attempt, settled, result.Error, clock.GetUtcNow(), cancellationToken);
            attempts = attempt;
            if (settled == DeliveryStatus.Pending)
            {
                logger.LogInformation("Delivery {Delivery} attempt {Attempt} of {MaxAttempts} failed ({Error}); trying again",
                    key, attempt, maxAttempts, result.Error);
                continue;
            }
            if (settled == DeliveryStatus.Failed)
                logger.LogWarning("Delivery {Delivery} given up after attempt {Attempt}: {Error}", key, attempt, result.Error);
            return Settle(settled, attempt);
        }
    }
}

/// <summary>How one delivery was settled, and after how many attempts in all.</summary>
public sealed record DeliveryOutcome(DeliveryKey Key, string Status, int Attempts);
