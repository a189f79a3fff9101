using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Validation;

namespace SociaalDomein.Messages.Reading;

/// <summary>A structurally valid message with the rule violations found inside it (validation levels 1 and 2).</summary>
/// <param name="Source">Where the message came from: a file name or a Kafka topic/partition/offset.</param>
/// <param name="Findings">Rule violations in document order; empty when every rule holds.</param>
public sealed record MessageReadResult(string Source, IstdMessage Message, IReadOnlyList<LineFinding> Findings)
{
    /// <summary>True when no rule is violated.</summary>
    public bool IsClean => Findings.Count == 0;

    /// <summary>The findings about one line (a ReferentieNummer or ToewijzingNummer; empty for the message as a whole).</summary>
    public IEnumerable<LineFinding> FindingsFor(string line) => Findings.Where(f => string.Equals(f.Line, line, StringComparison.Ordinal));
}
