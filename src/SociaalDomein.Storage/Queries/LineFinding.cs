namespace SociaalDomein.Storage.Queries;

/// <summary>A signal recorded about a line (line_signals): the rule it broke and why; open until resolved.</summary>
public sealed record LineFinding(string Rule, string Explanation, bool Open);
