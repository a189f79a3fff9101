namespace SociaalDomein.Storage.Queries;

/// <summary>What creating or changing a ceiling did.</summary>
/// <param name="Change">The audit record written; null when nothing was written.</param>
public sealed record CeilingWrite(CeilingWriteOutcome Outcome, CeilingChange? Change);

public enum CeilingWriteOutcome
{
    Written,
    /// <summary>Create: a ceiling for that contract, year and category exists already.</summary>
    AlreadyExists,
    /// <summary>Change: there is no ceiling for that contract, year and category.</summary>
    NotFound,
}
