namespace SociaalDomein.Delivery.Worker;

/// <summary>How one delivery attempt ended.</summary>
public enum AttemptOutcome
{
    Delivered,
    /// <summary>Failed for a reason that may pass (timeout, 5xx, 429, a 4xx SMTP reply): try again after a wait.</summary>
    Transient,
    /// <summary>Refused for good (e.g. HTTP 400/401/404, SMTP 5xx): trying again would not help.</summary>
    Permanent,
}

/// <param name="Error">Why it failed: a status or reply, never the payload; null when delivered.</param>
public sealed record AttemptResult(AttemptOutcome Outcome, string? Error)
{
    public static AttemptResult Delivered { get; } = new(AttemptOutcome.Delivered, null);
    public static AttemptResult Transient(string error) => new(AttemptOutcome.Transient, error);
    public static AttemptResult Permanent(string error) => new(AttemptOutcome.Permanent, error);
}
