namespace SociaalDomein.Storage.Queries;

/// <summary>One audited change of a budget ceiling: who set what, when and why.</summary>
/// <param name="OldCeilingCents">null when the change created the ceiling.</param>
/// <param name="ChangedBy">Id of the API key (or tool) that made the change.</param>
public sealed record CeilingChange(
    long Id,
    string MunicipalityCode,
    string ProviderAgb,
    int Year,
    string? ProductCategorie,
    long? OldCeilingCents,
    long NewCeilingCents,
    string ChangedBy,
    string? Reason,
    DateTimeOffset ChangedAt);
