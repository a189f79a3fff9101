using System.Text;
using System.Text.Json;
using SociaalDomein.Delivery.Alerts;
using SociaalDomein.Delivery.Log;
using SociaalDomein.Delivery.Webhooks;

namespace SociaalDomein.Delivery.Tests;

/// <summary>Webhook delivery: signed, retried with backoff on failures that may pass, given up on the rest, and never repeated.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class WebhookDeliveryTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task A_webhook_call_is_a_json_post_signed_over_timestamp_and_body_that_the_receiver_verifies()
    {
        await using var rig = await DeliveryRig.StartAsync(fixture);
        await rig.AddWebhookAsync("rob-nijmegen");
        var alert = TestAlerts.Ceiling(severity: "warning", percent: 90);

        await rig.Dispatcher.DispatchAsync(alert, CancellationToken.None);

        var call = Assert.Single(rig.Receiver.Calls);
        Assert.True(call.Verified);
        Assert.Equal(204, call.Status);
        Assert.Equal($"rob-nijmegen/{alert.Id}/r1/webhook", call.Delivery);
        using var json = JsonDocument.Parse(call.Body);
        var root = json.RootElement;
        Assert.Equal("sd.alert-delivery/1", root.GetProperty("schema").GetString());
        Assert.Equal("rob-nijmegen", root.GetProperty("subscription").GetString());
        var delivered = root.GetProperty("alert");
        Assert.Equal("ceiling-threshold:0268:11111111:2026:all:90:1", delivered.GetProperty("id").GetString());
        Assert.Equal("raised", delivered.GetProperty("change").GetString());
        Assert.Equal(1, delivered.GetProperty("revision").GetInt32());
        Assert.Equal("0268", delivered.GetProperty("municipality").GetString());
        Assert.Equal("11111111", delivered.GetProperty("provider").GetString());
        Assert.Equal(90_000_000, delivered.GetProperty("declaredCents").GetInt64());
        Assert.Equal(100_000_000, delivered.GetProperty("ceilingCents").GetInt64());

        // The signature as the README tells a receiver to compute it, without this project's code.
        var secret = "secret-of-rob-nijmegen-0123456789abcdef";
        var signed = Encoding.ASCII.GetBytes(call.Timestamp + ".").Concat(call.Body).ToArray();
        Assert.Equal("v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)), call.Signature);

        // What a receiver must refuse: another secret, a changed body, a replay of an old call.
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(call.Timestamp, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(WebhookSignature.Verify(secret, call.Timestamp, call.Signature, call.Body, sentAt, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("another-secret-0123456789abcdef", call.Timestamp, call.Signature, call.Body, sentAt, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret, call.Timestamp, call.Signature, Encoding.UTF8.GetBytes(call.Text.Replace("90000000", "9000000", StringComparison.Ordinal)), sentAt, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret, call.Timestamp, call.Signature, call.Body, sentAt.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret, (sentAt.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), call.Signature, call.Body, sentAt, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    [Trait("Category", "Fault")]
    public async Task A_receiver_that_fails_twice_gets_exactly_three_calls_with_the_same_body_and_the_delivery_is_recorded_after_three_attempts()
    {
        await using var rig = await DeliveryRig.StartAsync(fixture, DeliveryRig.FastRetries(maxAttempts: 5));
        await rig.AddWebhookAsync("rob-nijmegen");
        rig.Receiver.Fail("rob-nijmegen", 503, times: 2);

        var outcomes = await rig.Dispatcher.DispatchAsync(TestAlerts.Ceiling(), CancellationToken.None);

        Assert.Equal([503, 503, 204], rig.Receiver.Calls.Select(c => c.Status));
        Assert.All(rig.Receiver.Calls, c => Assert.True(c.Verified));
        Assert.Single(rig.Receiver.Calls.Select(c => c.Text).Distinct());
        var outcome = Assert.Single(outcomes);
        Assert.Equal((DeliveryStatus.Delivered, 3), (outcome.Status, outcome.Attempts));
        var record = Assert.Single(await rig.DeliveriesAsync("rob-nijmegen"));
        Assert.Equal((DeliveryStatus.Delivered, 3, "webhook", "raised"), (record.Status, record.Attempts, record.Channel, record.Change));
        Assert.NotNull(record.DeliveredAt);
        Assert.True(record.FirstAttemptAt < record.LastAttemptAt);
    }

    [Fact]
    [Trait("Category", "Fault")]
    public async Task A_receiver_that_never_recovers_is_given_up_after_the_last_attempt_with_its_error_recorded()
    {
        await using var rig = await DeliveryRig.StartAsync(fixture, DeliveryRig.FastRetries(maxAttempts: 4));
        await rig.AddWebhookAsync("rob-nijmegen");
        rig.Receiver.Fail("rob-nijmegen", 500);

        var outcome = Assert.Single(await rig.Dispatcher.DispatchAsync(TestAlerts.Ceiling(), CancellationToken.None));

        Assert.Equal(4, rig.Receiver.Calls.Count);
        Assert.Equal((DeliveryStatus.Failed, 4), (outcome.Status, outcome.Attempts));
        var record = Assert.Single(await rig.DeliveriesAsync("rob-nijmegen"));
        Assert.Equal((DeliveryStatus.Failed, 4, "HTTP 500 Internal Server Error"), (record.Status, record.Attempts, record.LastError));
        Assert.Null(record.DeliveredAt);

        // Given up is settled: reading the alert again tries nothing more.
        Assert.Empty(await rig.Dispatcher.DispatchAsync(TestAlerts.Ceiling(), CancellationToken.None));
        Assert.Equal(4, rig.Receiver.Calls.Count);
    }

    [Fact]
    [Trait("Category", "Fault")]
    public async Task A_permanent_refusal_is_given_up_after_one_attempt_while_the_other_subscribers_still_receive_the_alert()
    {
        await using var rig = await DeliveryRig.StartAsync(fixture, DeliveryRig.FastRetries(maxAttempts: 5));
        await rig.AddWebhookAsync("refuses");
        await rig.AddWebhookAsync("accepts");
        await rig.AddWebhookAsync("recovers");
        rig.Receiver.Fail("refuses", 404);
        rig.Receiver.Fail("recovers", 429, times: 1);

        var outcomes = await rig.Dispatcher.DispatchAsync(TestAlerts.Ceiling(), CancellationToken.None);

        Assert.Equal(
            [("accepts", DeliveryStatus.Delivered, 1), ("recovers", DeliveryStatus.Delivered, 2), ("refuses", DeliveryStatus.Failed, 1)],
            outcomes.Select(o => (o.Key.SubscriptionId, o.Status, o.Attempts)).OrderBy(o => o.SubscriptionId, StringComparer.Ordinal));
        Assert.Equal("HTTP 404 Not Found", Assert.Single(await rig.DeliveriesAsync("refuses")).LastError);
        Assert.Single(rig.Receiver.CallsTo("refuses"));
        Assert.Single(rig.Receiver.CallsTo("accepts"));
        Assert.Equal(2, rig.Receiver.CallsTo("recovers").Count);
    }

    [Fact]
    public async Task The_same_alert_revision_is_sent_once_however_often_it_is_read_and_each_new_revision_once_more()
    {
        await using var rig = await DeliveryRig.StartAsync(fixture);
        await rig.AddWebhookAsync("rob-nijmegen");
        var raised = TestAlerts.Ceiling();
        var updated = TestAlerts.Ceiling(severity: "critical", revision: 2, change: AlertChanges.Updated);

        await rig.Dispatcher.DispatchAsync(raised, CancellationToken.None);
        await rig.Dispatcher.DispatchAsync(raised, CancellationToken.None);
        await rig.Dispatcher.DispatchAsync(updated, CancellationToken.None);
        await rig.Dispatcher.DispatchAsync(raised, CancellationToken.None);
        await rig.Dispatcher.DispatchAsync(updated, CancellationToken.None);

        Assert.Equal(["r1", "r2"], rig.Receiver.Calls.Select(c => c.Delivery.Split('/')[^2]));
        Assert.Equal(
            [(1, "raised", DeliveryStatus.Delivered, 1), (2, "updated", DeliveryStatus.Delivered, 1)],
            (await rig.DeliveriesAsync("rob-nijmegen")).Select(r => (r.Revision, r.Change, r.Status, r.Attempts)).OrderBy(r => r.Revision));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task A_bsn_in_an_alerts_text_never_reaches_a_webhook_or_an_email()
    {
        const string bsn = "999900006"; // passes the elfproef
        await using var rig = await DeliveryRig.StartAsync(fixture);
        await rig.AddWebhookAsync("rob-nijmegen");
        await rig.AddEmailAsync("rob-mail", "inkoop@nijmegen.example.nl");
        var alert = TestAlerts.Ceiling(description: $"Declared for client {bsn} above the allocation; reference 123456789 stays.");

        await rig.Dispatcher.DispatchAsync(alert, CancellationToken.None);

        var call = Assert.Single(rig.Receiver.Calls);
        var mail = Assert.Single(rig.Smtp.Mails);
        foreach (var delivered in new[] { call.Text, mail.Raw, mail.Body, mail.Header("Subject") })
            Assert.DoesNotContain(bsn, delivered, StringComparison.Ordinal);
        Assert.Contains($"Declared for client {BsnGuard.Mask} above the allocation; reference 123456789 stays.", JsonDocument.Parse(call.Body)
            .RootElement.GetProperty("alert").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains($"client {BsnGuard.Mask} above", mail.Body, StringComparison.Ordinal);
        Assert.False(BsnGuard.ContainsBsn(call.Text));
        Assert.False(BsnGuard.ContainsBsn(mail.Body));
    }
}
