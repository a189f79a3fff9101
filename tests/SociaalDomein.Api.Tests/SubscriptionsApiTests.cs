using System.Net;
using System.Net.Http.Json;
using SociaalDomein.Delivery.Log;
using SociaalDomein.Delivery.Subscriptions;

namespace SociaalDomein.Api.Tests;

/// <summary>/api/subscriptions: admins manage who hears about which alerts; a contract manager reads their own, never a secret.</summary>
[Collection(ApiCollection.Name)]
public sealed class SubscriptionsApiTests(ApiFixture api)
{
    private const string Secret = "api-test-webhook-secret-8c2e4f6a1b";

    [Fact]
    public async Task An_admin_creates_a_subscription_once_reads_it_back_without_its_secret_and_a_second_create_is_a_conflict()
    {
        using var admin = api.Client(TestKeys.Admin);

        var created = await admin.PostAsJsonAsync("/api/subscriptions", new
        {
            id = "rob-nijmegen-wmo", name = "Nijmegen Wmo, critical", owner = "rob-nijmegen", municipalities = new[] { "1945", "0268", "0268" },
            providers = new[] { "12345678" }, kinds = new[] { "ceilingthreshold", "Pacing" }, minSeverity = "Critical",
            webhookUrl = "https://rob.example.nl/hooks", webhookSecret = Secret, email = "wmo@nijmegen.example.nl",
        });
        var body = await created.Content.ReadAsStringAsync();
        var again = await admin.PostAsJsonAsync("/api/subscriptions", new { id = "rob-nijmegen-wmo", name = "x", email = "x@example.nl" });

        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal("/api/subscriptions/rob-nijmegen-wmo", created.Headers.Location?.OriginalString);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        var stored = await admin.OkJsonAsync("/api/subscriptions/rob-nijmegen-wmo");
        Assert.Equal("rob-nijmegen", stored.Str("owner"));
        Assert.Equal(["0268", "1945"], stored.GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["CeilingThreshold", "Pacing"], stored.GetProperty("kinds").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("critical", stored.Str("minSeverity"));
        Assert.True(stored.GetProperty("hasWebhookSecret").GetBoolean());
        Assert.True(stored.GetProperty("active").GetBoolean());
        Assert.False(stored.TryGetProperty("webhookSecret", out _));
        var conflict = await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("PUT /api/subscriptions/rob-nijmegen-wmo", conflict.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_subscription_is_refused_with_every_field_and_rule_named()
    {
        using var admin = api.Client(TestKeys.Admin);

        var response = await admin.PostAsJsonAsync("/api/subscriptions", new
        {
            id = "Nijmegen!", name = "", municipalities = new[] { "268" }, providers = new[] { "1234" }, kinds = new[] { "Weather" },
            minSeverity = "loud", webhookUrl = "http://rob.example.nl/hooks", webhookSecret = "short", email = "not an address",
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
        [
            ("id", "subscription-id"), ("name", "required"), ("municipalities[0]", "municipality-code"), ("providers[0]", "agb-code"),
            ("kinds[0]", "alert-kind"), ("minSeverity", "severity"), ("webhookUrl", "webhook-url"), ("webhookSecret", "secret-length"),
            ("email", "email-address"),
        ], problem.Violations());
    }

    [Fact]
    public async Task An_owner_must_be_a_contract_managers_key_and_the_subscription_stays_within_that_keys_municipalities()
    {
        using var admin = api.Client(TestKeys.Admin);

        var outside = await admin.PostAsJsonAsync("/api/subscriptions",
            new { id = "rob-outside", name = "x", owner = "rob-nijmegen", municipalities = new[] { "0268", "0202" }, email = "x@example.nl" });
        var everywhere = await admin.PostAsJsonAsync("/api/subscriptions",
            new { id = "rob-everywhere", name = "x", owner = "rob-nijmegen", email = "x@example.nl" });
        var notManager = await admin.PostAsJsonAsync("/api/subscriptions",
            new { id = "datateam-sub", name = "x", owner = "datateam-1", email = "x@example.nl" });
        var noChannel = await admin.PostAsJsonAsync("/api/subscriptions", new { id = "silent", name = "x" });

        var problem = await outside.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([("municipalities", "owner-scope")], problem.Violations());
        Assert.Contains("Municipality 0202 is outside what 'rob-nijmegen' may see (0268, 1945).", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal([("municipalities", "owner-scope")], (await everywhere.ProblemAsync(HttpStatusCode.BadRequest)).Violations());
        Assert.Equal([("owner", "owner-key")], (await notManager.ProblemAsync(HttpStatusCode.BadRequest)).Violations());
        Assert.Equal([("webhookUrl", "channel-required")], (await noChannel.ProblemAsync(HttpStatusCode.BadRequest)).Violations());
    }

    [Fact]
    public async Task A_contract_manager_reads_only_the_subscriptions_and_deliveries_that_name_their_key()
    {
        using var admin = api.Client(TestKeys.Admin);
        using var nijmegen = api.Client(TestKeys.ContractManager);
        using var arnhem = api.Client(TestKeys.OtherContractManager);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/subscriptions",
            new { id = "rob-arnhem-all", name = "Arnhem", owner = "rob-arnhem", municipalities = new[] { "0202" }, email = "inkoop@arnhem.example.nl" })).StatusCode);
        await new DeliveryLog(api.DataSource).BeginAsync(new DeliveryKey(ApiFixture.SeededSubscription, "alert-1", 2, DeliveryChannel.Webhook), "updated");
        await new DeliveryLog(api.DataSource).RecordAttemptAsync(new DeliveryKey(ApiFixture.SeededSubscription, "alert-1", 2, DeliveryChannel.Webhook),
            3, DeliveryStatus.Failed, "HTTP 410 Gone", DateTimeOffset.UtcNow);

        var own = (await nijmegen.OkJsonAsync("/api/subscriptions")).Items().Select(s => s.Str("id")).ToList();
        var arnhemOwn = (await arnhem.OkJsonAsync("/api/subscriptions")).Items().Select(s => s.Str("id")).ToList();
        var deliveries = (await nijmegen.OkJsonAsync($"/api/subscriptions/{ApiFixture.SeededSubscription}/deliveries")).Items();

        Assert.Contains(ApiFixture.SeededSubscription, own);
        Assert.DoesNotContain("rob-arnhem-all", own);
        Assert.Equal(["rob-arnhem-all"], arnhemOwn);
        var delivery = Assert.Single(deliveries, d => d.Str("alertId") == "alert-1");
        Assert.Equal(("webhook", "updated", "failed", 3L, "HTTP 410 Gone"),
            (delivery.Str("channel"), delivery.Str("change"), delivery.Str("status"), delivery.Long("attempts"), delivery.Str("lastError")));
        foreach (var path in new[] { $"/api/subscriptions/{ApiFixture.SeededSubscription}", $"/api/subscriptions/{ApiFixture.SeededSubscription}/deliveries", "/api/subscriptions?owner=rob-nijmegen" })
        {
            var problem = await (await arnhem.GetAsync(path)).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("rob-arnhem", problem.Str("detail"), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/subscriptions/no-such-subscription")).StatusCode);
        var everything = await admin.GetStringAsync("/api/subscriptions?limit=1000");
        Assert.DoesNotContain(ApiFixture.SeededSubscriptionSecret, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_replaces_the_settings_keeps_the_stored_secret_when_none_is_sent_and_can_switch_delivery_off()
    {
        using var admin = api.Client(TestKeys.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/subscriptions",
            new { id = "rob-change-me", name = "Before", municipalities = new[] { "0268" }, webhookUrl = "https://a.example.nl/h", webhookSecret = Secret })).StatusCode);
        var store = new SubscriptionStore(api.DataSource);

        var changed = await admin.PutAsJsonAsync("/api/subscriptions/rob-change-me",
            new { name = "After", providers = new[] { "22222222" }, webhookUrl = "https://b.example.nl/h", email = "after@example.nl", active = false });
        var missing = await admin.PutAsJsonAsync("/api/subscriptions/never-made", new { name = "x", email = "x@example.nl" });
        var renamed = await admin.PutAsJsonAsync("/api/subscriptions/rob-change-me", new { id = "other", name = "x", email = "x@example.nl" });

        var body = await changed.Content.ReadAsStringAsync();
        Assert.True(changed.StatusCode == HttpStatusCode.OK, body);
        var stored = await store.GetAsync("rob-change-me");
        Assert.Equal(("After", null, "", "22222222", "", "info", "https://b.example.nl/h", Secret, "after@example.nl", false),
            (stored!.Name, stored.OwnerKeyId, string.Join(",", stored.Municipalities), string.Join(",", stored.Providers), string.Join(",", stored.Kinds),
             stored.MinSeverity, stored.WebhookUrl, stored.WebhookSecret, stored.Email, stored.Active));
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(await store.ListActiveAsync(), s => s.Id == "rob-change-me");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal([("id", "id-mismatch")], (await renamed.ProblemAsync(HttpStatusCode.BadRequest)).Violations());
    }
}
