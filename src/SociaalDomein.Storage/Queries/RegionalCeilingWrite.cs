namespace SociaalDomein.Storage.Queries;

/// <summary>What creating or changing a region-wide ceiling did.</summary>
/// <param name="Change">The audit record written; null when nothing was written.</param>
public sealed record RegionalCeilingWrite(CeilingWriteOutcome Outcome, RegionalCeilingChange? Change);
