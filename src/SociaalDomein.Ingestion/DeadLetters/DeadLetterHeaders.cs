namespace SociaalDomein.Ingestion.DeadLetters;

/// <summary>Headers a dead-lettered record carries beside the original bytes and headers.</summary>
public static class DeadLetterHeaders
{
    /// <summary>Plain-language reason (the first validation error).</summary>
    public const string Reason = "sd-dlq-reason";
    /// <summary>Rule code, e.g. SD-REQUIRED or 9346.</summary>
    public const string Rule = "sd-dlq-rule";
    /// <summary>Element path the reason is about.</summary>
    public const string Element = "sd-dlq-element";
    /// <summary>All validation errors, one per line.</summary>
    public const string Errors = "sd-dlq-errors";
    public const string SourceTopic = "sd-dlq-source-topic";
    public const string SourcePartition = "sd-dlq-source-partition";
    public const string SourceOffset = "sd-dlq-source-offset";
    public const string SourceTimestamp = "sd-dlq-source-timestamp";
}
