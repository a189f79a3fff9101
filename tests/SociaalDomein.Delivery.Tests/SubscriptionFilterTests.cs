using SociaalDomein.Delivery.Worker;

namespace SociaalDomein.Delivery.Tests;

/// <summary>Which subscribers an alert reaches: every filter a subscription sets must let the alert through; an empty one lets all through.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class SubscriptionFilterTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task Alerts_reach_exactly_the_subscriptions_whose_municipality_provider_kind_and_severity_filters_match()
    {
        await using var rig = await DeliveryRig.StartAsync(fixture);
        await rig.AddWebhookAsync("everything");
        await rig.AddWebhookAsync("nijmegen", municipalities: ["0268"]);
        await rig.AddWebhookAsync("nijmegen-berg-en-dal", municipalities: ["0268", "1945"]);
        await rig.AddWebhookAsync("provider-2", providers: ["22222222"]);
        await rig.AddWebhookAsync("arnhem-provider-2", municipalities: ["0202"], providers: ["22222222"]);
        await rig.AddWebhookAsync("critical-only", minSeverity: "critical");
        await rig.AddWebhookAsync("warnings-up", minSeverity: "warning");
        await rig.AddWebhookAsync("pacing", kinds: ["Pacing"]);
        await rig.AddWebhookAsync("switched-off", active: false);
        await rig.AddEmailAsync("mail-arnhem", "inkoop@arnhem.example.nl", municipalities: ["0202"]);

        var nijmegenWarning = await RecipientsAsync(rig, TestAlerts.Ceiling("0268", "11111111", "warning"));
        var arnhemCritical = await RecipientsAsync(rig, TestAlerts.Ceiling("0202", "22222222", "critical", percent: 100));
        var bergEnDalInfo = await RecipientsAsync(rig, TestAlerts.Ceiling("1945", "22222222", "info", percent: 75));
        var nijmegenPacing = await RecipientsAsync(rig, TestAlerts.Ceiling("0268", "33333333", "info", kind: "Pacing"));

        Assert.Equal(["everything/webhook", "nijmegen-berg-en-dal/webhook", "nijmegen/webhook", "warnings-up/webhook"], nijmegenWarning);
        Assert.Equal(["arnhem-provider-2/webhook", "critical-only/webhook", "everything/webhook", "mail-arnhem/email", "provider-2/webhook", "warnings-up/webhook"],
            arnhemCritical);
        Assert.Equal(["everything/webhook", "nijmegen-berg-en-dal/webhook", "provider-2/webhook"], bergEnDalInfo);
        Assert.Equal(["everything/webhook", "nijmegen-berg-en-dal/webhook", "nijmegen/webhook", "pacing/webhook"], nijmegenPacing);
        Assert.Empty(rig.Receiver.CallsTo("switched-off"));
        Assert.Equal(["inkoop@arnhem.example.nl"], Assert.Single(rig.Smtp.Mails).To);
        Assert.Equal(16, rig.Receiver.Calls.Count);
    }

    private static async Task<List<string>> RecipientsAsync(DeliveryRig rig, Alerts.AlertDocument alert) =>
        (await rig.Dispatcher.DispatchAsync(alert, CancellationToken.None))
        .Where(o => o.Status == Log.DeliveryStatus.Delivered)
        .Select(o => $"{o.Key.SubscriptionId}/{o.Key.ChannelName}")
        .Order(StringComparer.Ordinal)
        .ToList();
}
