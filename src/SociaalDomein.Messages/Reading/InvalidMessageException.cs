namespace SociaalDomein.Messages.Reading;

/// <summary>One reason a message was refused, worded for a backoffice employee.</summary>
/// <param name="Path">Element path, e.g. <c>/Bericht/Client[2]/Prestaties/Prestatie[1]/IngediendBedrag/Bedrag</c>.</param>
/// <param name="Rule">Rule code: an iStandaarden retourcode where one exists (e.g. 9346), else our own (e.g. SD-XML-REQUIRED).</param>
/// <param name="Explanation">A sentence that says what is wrong and what was expected.</param>
public sealed record ValidationError(string Path, string Rule, string Explanation)
{
    public override string ToString() => $"{Path}: [{Rule}] {Explanation}";
}

/// <summary>Thrown when a message cannot be accepted: malformed XML, unknown message type, or a structure error.</summary>
public sealed class InvalidMessageException : Exception
{
    public InvalidMessageException(string source, IReadOnlyList<ValidationError> errors, Exception? inner = null)
        : base(FormatMessage(source, errors), inner)
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>Where the message came from: a file name or a Kafka topic/partition/offset.</summary>
    public new string Source { get; }

    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>The first error, which is what a dead-letter header reports.</summary>
    public ValidationError First => Errors[0];

    private static string FormatMessage(string source, IReadOnlyList<ValidationError> errors) =>
        errors.Count == 1
            ? $"{source}: {errors[0]}"
            : $"{source}: {errors.Count} errors; first: {errors[0]}";
}
