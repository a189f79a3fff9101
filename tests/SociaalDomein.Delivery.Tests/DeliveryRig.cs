using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SociaalDomein.Delivery.Alerts;
using SociaalDomein.Delivery.Email;
using SociaalDomein.Delivery.Log;
using SociaalDomein.Delivery.Subscriptions;
using SociaalDomein.Delivery.Webhooks;
using SociaalDomein.Delivery.Worker;

namespace SociaalDomein.Delivery.Tests;

/// <summary>
/// The real delivery parts around one database of its own: subscription store, delivery log, dispatcher, a webhook
/// receiver and an SMTP sink on 127.0.0.1. Waits between attempts are milliseconds, so retries are quick to test.
/// </summary>
public sealed class DeliveryRig : IAsyncDisposable
{
    public const string From = "signalering@rob.example.nl";

    private readonly WebhookSender _webhooks;

    private DeliveryRig(NpgsqlDataSource dataSource, string connectionString, WebhookReceiver receiver, SmtpSink smtp, DeliveryOptions options,
        TimeProvider clock, DeliveryTelemetry? telemetry)
    {
        DataSource = dataSource;
        ConnectionString = connectionString;
        Receiver = receiver;
        Smtp = smtp;
        Options = options;
        Subscriptions = new SubscriptionStore(dataSource);
        Log = new DeliveryLog(dataSource);
        _webhooks = new WebhookSender(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
        Dispatcher = new AlertDispatcher(Subscriptions, Log, _webhooks, new EmailSender(Microsoft.Extensions.Options.Options.Create(SmtpSettings)),
            Microsoft.Extensions.Options.Options.Create(options), clock, telemetry ?? new DeliveryTelemetry(Meters), NullLogger<AlertDispatcher>.Instance);
    }

    public NpgsqlDataSource DataSource { get; }
    public string ConnectionString { get; }
    public WebhookReceiver Receiver { get; }
    public SmtpSink Smtp { get; }
    public DeliveryOptions Options { get; }
    public SubscriptionStore Subscriptions { get; }
    public DeliveryLog Log { get; }
    public AlertDispatcher Dispatcher { get; }

    public SmtpOptions SmtpSettings => new() { Host = "127.0.0.1", Port = Smtp.Port, StartTls = false, From = From };

    public static DeliveryOptions FastRetries(int maxAttempts = 4) =>
        new() { MaxAttempts = maxAttempts, FirstRetryDelayMs = 5, MaxRetryDelayMs = 20, WebhookTimeoutMs = 5_000 };

    /// <param name="clock">The dispatcher's clock (its waits and its measured durations); the system clock by default.</param>
    /// <param name="telemetry">Delivery metrics to record into; by default meters no one listens to.</param>
    public static async Task<DeliveryRig> StartAsync(DeliveryFixture fixture, DeliveryOptions? options = null, TimeProvider? clock = null,
        DeliveryTelemetry? telemetry = null)
    {
        var (dataSource, connectionString) = await fixture.CreateDatabaseAsync();
        return new DeliveryRig(dataSource, connectionString, await WebhookReceiver.StartAsync(), new SmtpSink(), options ?? FastRetries(),
            clock ?? TimeProvider.System, telemetry);
    }

    /// <summary>A meter factory of the rigs' own, as a host has one.</summary>
    public static IMeterFactory Meters { get; } =
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    /// <summary>A webhook subscription whose receiver checks signatures with its secret.</summary>
    public async Task<Subscription> AddWebhookAsync(string id, string[]? municipalities = null, string[]? providers = null, string[]? kinds = null,
        string minSeverity = "info", bool active = true)
    {
        var secret = $"secret-of-{id}-0123456789abcdef";
        Receiver.Expect(id, secret);
        var subscription = new Subscription(id, $"Subscription {id}", null, municipalities ?? [], providers ?? [], kinds ?? [], minSeverity,
            Receiver.UrlFor(id), secret, null, active);
        Assert.True(await Subscriptions.CreateAsync(subscription, "admin-1", DateTimeOffset.UtcNow));
        return subscription;
    }

    public async Task<Subscription> AddEmailAsync(string id, string email, string[]? municipalities = null)
    {
        var subscription = new Subscription(id, $"Subscription {id}", null, municipalities ?? [], [], [], "info", null, null, email, true);
        Assert.True(await Subscriptions.CreateAsync(subscription, "admin-1", DateTimeOffset.UtcNow));
        return subscription;
    }

    public async Task<IReadOnlyList<DeliveryRecord>> DeliveriesAsync(string subscriptionId) =>
        (await Log.GetPageAsync(subscriptionId, 100, 0)).Items;

    public async ValueTask DisposeAsync()
    {
        _webhooks.Dispose();
        await Receiver.DisposeAsync();
        await Smtp.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}

/// <summary>Alerts as the alert topic carries them.</summary>
public static class TestAlerts
{
    public static AlertDocument Ceiling(string municipality = "0268", string provider = "11111111", string severity = "warning", int percent = 90,
        string kind = "CeilingThreshold", int revision = 1, string change = AlertChanges.Raised, string? description = null)
    {
        var monitoring = new SociaalDomein.Monitoring.Alerts.Alert(
            $"ceiling-threshold:{municipality}:{provider}:2026:all:{percent}:1", kind, severity, municipality, provider, 2026, null, percent,
            900_000_00, 1_000_000_00, "D-2026-0042",
            description ?? $"Provider {provider} has declared € 900,000.00 to municipality {municipality} for 2026 (all categories): {percent}% of the ceiling of € 1,000,000.00 is reached.",
            new DateTimeOffset(2026, 3, 4, 9, 30, 0, TimeSpan.Zero));
        var published = AlertDocument.Parse(SociaalDomein.Ingestion.AlertPublishing.AlertMessage.From(monitoring).ToJsonUtf8());
        return published with { Revision = revision, Change = change };
    }
}
