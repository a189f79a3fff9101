namespace SociaalDomein.Storage.Queries;

/// <summary>One audited change of a region-wide ceiling: who set which amount and participants, when and why.</summary>
/// <param name="OldCeilingCents">null when the change created the ceiling.</param>
/// <param name="OldParticipants">null when the change created the ceiling.</param>
/// <param name="ChangedBy">Id of the API key that made the change.</param>
public sealed record RegionalCeilingChange(
    long Id,
    string RegionCode,
    string ProviderAgb,
    int Year,
    string? ProductCategorie,
    long? OldCeilingCents,
    long NewCeilingCents,
    IReadOnlyList<string>? OldParticipants,
    IReadOnlyList<string> NewParticipants,
    string ChangedBy,
    string? Reason,
    DateTimeOffset ChangedAt);
