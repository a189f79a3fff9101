using SociaalDomein.Delivery.Log;

namespace SociaalDomein.Delivery.Tests;

/// <summary>E-mail delivery through SMTP, against a local SMTP sink.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class EmailDeliveryTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task An_email_subscription_gets_one_plain_text_mail_at_its_address_that_names_the_contract_and_the_figures()
    {
        await using var rig = await DeliveryRig.StartAsync(fixture);
        await rig.AddEmailAsync("rob-mail", "inkoop@nijmegen.example.nl");

        await rig.Dispatcher.DispatchAsync(TestAlerts.Ceiling(severity: "warning", percent: 90), CancellationToken.None);

        var mail = Assert.Single(rig.Smtp.Mails);
        Assert.Equal(DeliveryRig.From, mail.From);
        Assert.Equal(["inkoop@nijmegen.example.nl"], mail.To);
        Assert.Equal("[warning] Alert raised: CeilingThreshold, municipality 0268, provider 11111111, 2026", mail.Header("Subject"));
        Assert.StartsWith("text/plain", mail.Header("Content-Type"), StringComparison.Ordinal);
        var lines = mail.Body.Split("\r\n");
        Assert.Equal("Alert raised (warning): CeilingThreshold", lines[0]);
        Assert.Equal("Provider 11111111 has declared € 900,000.00 to municipality 0268 for 2026 (all categories): 90% of the ceiling of € 1,000,000.00 is reached.", lines[2]);
        Assert.Contains("Municipality:   0268", lines);
        Assert.Contains("Provider (AGB): 11111111", lines);
        Assert.Contains("Declared:       € 900,000.00", lines);
        Assert.Contains("Ceiling:        € 1,000,000.00 (90% threshold)", lines);
        Assert.Contains("Raised at:      2026-03-04 10:30 (Amsterdam)", lines);
        Assert.Contains("Alert:          ceiling-threshold:0268:11111111:2026:all:90:1, revision 1", lines);
        Assert.Equal((DeliveryStatus.Delivered, 1, "email"), Assert.Single(await rig.DeliveriesAsync("rob-mail")) is var r ? (r.Status, r.Attempts, r.Channel) : default);
    }

    [Fact]
    [Trait("Category", "Fault")]
    public async Task A_mailbox_the_server_refuses_for_good_is_given_up_after_one_attempt_with_the_smtp_reply_recorded()
    {
        await using var rig = await DeliveryRig.StartAsync(fixture);
        await rig.AddEmailAsync("gone", "vertrokken@nijmegen.example.nl");
        await rig.AddEmailAsync("present", "inkoop@nijmegen.example.nl");
        rig.Smtp.Refuse("vertrokken@nijmegen.example.nl");

        await rig.Dispatcher.DispatchAsync(TestAlerts.Ceiling(), CancellationToken.None);

        var gone = Assert.Single(await rig.DeliveriesAsync("gone"));
        Assert.Equal((DeliveryStatus.Failed, 1), (gone.Status, gone.Attempts));
        Assert.StartsWith("SMTP 550", gone.LastError, StringComparison.Ordinal);
        Assert.Equal(["inkoop@nijmegen.example.nl"], Assert.Single(rig.Smtp.Mails).To);
    }
}
