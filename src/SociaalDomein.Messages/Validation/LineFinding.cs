namespace SociaalDomein.Messages.Validation;

/// <summary>
/// A rule violation inside a structurally valid message (validation level 2), recorded per line rather than refusing
/// the message: the backoffice and the monitoring decide what a finding means for that line.
/// </summary>
/// <param name="Source">Where the message came from: a file name or a Kafka topic/partition/offset.</param>
/// <param name="Line">
/// The line the finding is about: the ReferentieNummer of a prestatie, the ToewijzingNummer (as text) of an allocation or
/// product, or empty for a finding on the message as a whole (its total or period).
/// </param>
/// <param name="Path">Element path, e.g. <c>/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]/IngediendBedrag/Bedrag</c>.</param>
/// <param name="Rule">The standard's retourcode where one exists (<see cref="StandardRetourCodes"/>), else our own SD- code.</param>
/// <param name="Explanation">A sentence a backoffice employee understands; it never repeats a BSN.</param>
public sealed record LineFinding(string Source, string Line, string Path, string Rule, string Explanation)
{
    public override string ToString() => $"{Source}: {Path}: [{Rule}] {Explanation}";
}
