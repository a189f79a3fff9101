namespace SociaalDomein.Delivery;

/// <summary>How alerts are delivered to subscribers (section "Delivery"); read by the host's alerts role.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>The delivery worker's own consumer group on the alert topic, apart from any other reader of it.</summary>
    public string ConsumerGroup { get; set; } = "sd-alert-delivery";

    /// <summary>Attempts per delivery (the first one included) before it is given up and recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before the second attempt; each later wait doubles, up to <see cref="MaxRetryDelayMs"/>.</summary>
    public int FirstRetryDelayMs { get; set; } = 1_000;

    public int MaxRetryDelayMs { get; set; } = 60_000;

    /// <summary>How long one webhook call may take before it counts as a failed attempt.</summary>
    public int WebhookTimeoutMs { get; set; } = 10_000;

    /// <summary>The delay before attempt <paramref name="attempt"/> (2, 3, …): first delay × 2^(attempt−2), capped.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 2);
        var exponent = Math.Min(attempt - 2, 30);
        var delay = Math.Min((double)FirstRetryDelayMs * Math.Pow(2, exponent), MaxRetryDelayMs);
        return TimeSpan.FromMilliseconds(delay);
    }

    /// <summary>What is wrong with these settings, one sentence per problem, each naming its setting.</summary>
    public IEnumerable<string> Check()
    {
        if (string.IsNullOrWhiteSpace(ConsumerGroup))
            yield return "Delivery:ConsumerGroup must not be empty (default sd-alert-delivery).";
        else if (ConsumerGroup == "sd-ingestion")
            yield return "Delivery:ConsumerGroup must differ from the ingestion workers' group (sd-ingestion).";
        if (MaxAttempts is < 1 or > 50)
            yield return $"Delivery:MaxAttempts must lie between 1 and 50 (got {MaxAttempts}).";
        if (FirstRetryDelayMs is < 1 or > 3_600_000)
            yield return $"Delivery:FirstRetryDelayMs must lie between 1 and 3600000 (got {FirstRetryDelayMs}).";
        if (MaxRetryDelayMs < FirstRetryDelayMs || MaxRetryDelayMs > 3_600_000)
            yield return $"Delivery:MaxRetryDelayMs must lie between Delivery:FirstRetryDelayMs ({FirstRetryDelayMs}) and 3600000 (got {MaxRetryDelayMs}).";
        if (WebhookTimeoutMs is < 100 or > 300_000)
            yield return $"Delivery:WebhookTimeoutMs must lie between 100 and 300000 (got {WebhookTimeoutMs}).";
    }
}
