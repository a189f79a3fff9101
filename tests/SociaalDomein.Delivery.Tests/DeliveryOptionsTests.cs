using SociaalDomein.Delivery.Email;

namespace SociaalDomein.Delivery.Tests;

/// <summary>Delivery and SMTP settings are checked at start; each problem names its setting.</summary>
public sealed class DeliveryOptionsTests
{
    [Fact]
    public void The_wait_between_attempts_doubles_from_the_first_delay_up_to_the_maximum()
    {
        var options = new DeliveryOptions { FirstRetryDelayMs = 1_000, MaxRetryDelayMs = 5_000 };

        Assert.Equal([1_000, 2_000, 4_000, 5_000, 5_000], Enumerable.Range(2, 5).Select(a => options.RetryDelay(a).TotalMilliseconds));
    }

    [Fact]
    public void The_defaults_are_valid_and_bad_delivery_settings_are_each_named()
    {
        Assert.Empty(new DeliveryOptions().Check());
        Assert.Empty(new SmtpOptions().Check());

        Assert.Equal(
        [
            "Delivery:ConsumerGroup must differ from the ingestion workers' group (sd-ingestion).",
            "Delivery:MaxAttempts must lie between 1 and 50 (got 0).",
            "Delivery:MaxRetryDelayMs must lie between Delivery:FirstRetryDelayMs (500) and 3600000 (got 100).",
            "Delivery:WebhookTimeoutMs must lie between 100 and 300000 (got 50).",
        ], new DeliveryOptions { ConsumerGroup = "sd-ingestion", MaxAttempts = 0, FirstRetryDelayMs = 500, MaxRetryDelayMs = 100, WebhookTimeoutMs = 50 }.Check());
    }

    [Fact]
    public void Bad_smtp_settings_are_each_named_and_the_password_is_never_repeated()
    {
        var failures = new SmtpOptions { Host = "smtp.example.nl", Port = 0, From = "not an address", UserName = "rob", Password = "", TimeoutMs = 10 }.Check().ToList();

        Assert.Equal(
        [
            "Smtp:Port must lie between 1 and 65535 (got 0).",
            "Smtp:From must be an e-mail address such as signalering@rob.example.nl (got 'not an address').",
            "Smtp:UserName and Smtp:Password go together: give both or neither.",
            "Smtp:TimeoutMs must lie between 1000 and 300000 (got 10).",
        ], failures);
        Assert.Equal(["Smtp:Host is required when Smtp:From or Smtp:UserName is set (e.g. smtp.example.nl)."],
            new SmtpOptions { From = "signalering@rob.example.nl" }.Check());
        Assert.DoesNotContain(new SmtpOptions { Host = "smtp.example.nl", From = "x", Password = "hunter2-secret" }.Check(), f => f.Contains("hunter2", StringComparison.Ordinal));
    }
}
