using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SociaalDomein.Delivery.Log;

namespace SociaalDomein.Delivery.Tests;

/// <summary>Delivery metrics and spans: exact counts by channel and outcome, and nothing secret or personal in a tag.</summary>
[Collection(DeliveryCollection.Name)]
public sealed partial class DeliveryTelemetryTests(DeliveryFixture fixture)
{
    private const string Hook = "telemetry-hook";
    private const string Mail = "telemetry-mail";
    private const string RefusedAddress = "vertrokken@nijmegen.example.nl";

    [Fact]
    [Trait("Category", "Security")]
    public async Task Each_delivery_is_counted_by_channel_and_outcome_with_its_attempts_and_duration_and_traced_without_secrets()
    {
        // A meter factory of this test's own, so no other test's deliveries are counted.
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        using var metrics = new Measurements(meters);
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DeliveryTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(DeliveryTelemetry.Tags.SubscriptionId) is Hook or Mail) spans.Enqueue(activity);
            },
        };
        ActivitySource.AddActivityListener(listener);
        // Every reading of the dispatcher's clock moves it 1.5 s: a delivery reads it at its start and when it is settled.
        await using var rig = await DeliveryRig.StartAsync(fixture, DeliveryRig.FastRetries(maxAttempts: 5), new SteppingClock(TimeSpan.FromSeconds(1.5)),
            new DeliveryTelemetry(meters));
        var hook = await rig.AddWebhookAsync(Hook, municipalities: ["0268"]);
        await rig.AddEmailAsync(Mail, RefusedAddress, municipalities: ["0202"]);
        rig.Receiver.Fail(Hook, 503, times: 2);
        rig.Smtp.Refuse(RefusedAddress);

        // Delivered on the third call; refused for good on the first; and the first alert read again, which sends nothing.
        await rig.Dispatcher.DispatchAsync(TestAlerts.Ceiling(municipality: "0268"), CancellationToken.None);
        await rig.Dispatcher.DispatchAsync(TestAlerts.Ceiling(municipality: "0202", severity: "critical", percent: 100), CancellationToken.None);
        await rig.Dispatcher.DispatchAsync(TestAlerts.Ceiling(municipality: "0268"), CancellationToken.None);

        Assert.Equal(["email failed 1", "webhook delivered 1"], metrics.Sum("sd.alert.deliveries", DeliveryTelemetry.Tags.Channel, DeliveryTelemetry.Tags.Outcome));
        Assert.Equal(["email permanent 1", "webhook delivered 1", "webhook transient 2"],
            metrics.Sum("sd.alert.delivery.attempts", DeliveryTelemetry.Tags.Channel, DeliveryTelemetry.Tags.AttemptResult));
        Assert.Equal(["email failed 1.5", "webhook delivered 1.5"],
            metrics.Each("sd.alert.delivery.duration", DeliveryTelemetry.Tags.Channel, DeliveryTelemetry.Tags.Outcome));

        Assert.Equal(
        [
            $"{DeliveryTelemetry.DeliverSpan} Error email telemetry-mail ceiling-threshold:0202:11111111:2026:all:100:1 CeilingThreshold critical raised 1 failed 1",
            $"{DeliveryTelemetry.DeliverSpan} Unset webhook telemetry-hook ceiling-threshold:0268:11111111:2026:all:90:1 CeilingThreshold warning raised 1 delivered 3",
        ], spans.Select(Describe).Order(StringComparer.Ordinal));

        // No tag names a webhook URL, its secret, an e-mail address, an alert's text or a BSN-shaped number.
        var values = spans.SelectMany(s => s.TagObjects.Select(t => Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? ""))
            .Concat(metrics.TagValues).ToList();
        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            Assert.DoesNotContain(hook.WebhookSecret!, value, StringComparison.Ordinal);
            Assert.DoesNotContain("http", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@", value, StringComparison.Ordinal);
            Assert.DoesNotContain("declared", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(NineDigits(), value);
        }
    }

    private static string Describe(Activity span) =>
        string.Join(' ', new[]
        {
            span.OperationName, span.Status.ToString(),
        }.Concat(new[]
        {
            DeliveryTelemetry.Tags.Channel, DeliveryTelemetry.Tags.SubscriptionId, DeliveryTelemetry.Tags.AlertId, DeliveryTelemetry.Tags.AlertKind,
            DeliveryTelemetry.Tags.AlertSeverity, DeliveryTelemetry.Tags.AlertChange, DeliveryTelemetry.Tags.AlertRevision, DeliveryTelemetry.Tags.Outcome,
            DeliveryTelemetry.Tags.Attempts,
        }.Select(tag => Convert.ToString(span.GetTagItem(tag), CultureInfo.InvariantCulture))));

    [GeneratedRegex(@"(?<![0-9])[0-9]{9}(?![0-9])")]
    private static partial Regex NineDigits();

    /// <summary>Every measurement of the delivery meter created by one meter factory.</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _recorded = new();

        public Measurements(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DeliveryTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, meters))
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _recorded.Enqueue((instrument.Name, value, tags.ToArray())));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _recorded.Enqueue((instrument.Name, value, tags.ToArray())));
            _listener.Start();
        }

        public IEnumerable<string> TagValues => _recorded.SelectMany(r => r.Tags.Select(t => Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? ""));

        /// <summary>"{tag1} {tag2} {sum}" per tag combination, in order.</summary>
        public IReadOnlyList<string> Sum(string instrument, string tag1, string tag2) =>
            _recorded.Where(r => r.Instrument == instrument)
                .GroupBy(r => $"{Tag(r.Tags, tag1)} {Tag(r.Tags, tag2)}")
                .Select(g => $"{g.Key} {g.Sum(r => r.Value).ToString(CultureInfo.InvariantCulture)}")
                .Order(StringComparer.Ordinal).ToList();

        /// <summary>"{tag1} {tag2} {value}" per measurement, in order.</summary>
        public IReadOnlyList<string> Each(string instrument, string tag1, string tag2) =>
            _recorded.Where(r => r.Instrument == instrument)
                .Select(r => $"{Tag(r.Tags, tag1)} {Tag(r.Tags, tag2)} {r.Value.ToString(CultureInfo.InvariantCulture)}")
                .Order(StringComparer.Ordinal).ToList();

        private static string? Tag(KeyValuePair<string, object?>[] tags, string name) => tags.Single(t => t.Key == name).Value?.ToString();

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>A clock whose timestamp moves a fixed step at every reading; its timers are the system's.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
    }
}
