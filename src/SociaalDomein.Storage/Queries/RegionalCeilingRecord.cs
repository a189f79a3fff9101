namespace SociaalDomein.Storage.Queries;

/// <summary>A region-wide ceiling as stored, with when it last changed.</summary>
/// <param name="ProductCategorie">null: the ceiling covers all product categories together.</param>
/// <param name="Participants">CBS codes of the municipalities whose declarations count against it, in order.</param>
public sealed record RegionalCeilingRecord(
    string RegionCode,
    string ProviderAgb,
    int Year,
    string? ProductCategorie,
    long CeilingCents,
    IReadOnlyList<string> Participants,
    DateTimeOffset UpdatedAt);
