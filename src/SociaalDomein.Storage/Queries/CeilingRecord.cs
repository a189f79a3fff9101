namespace SociaalDomein.Storage.Queries;

/// <summary>A budget ceiling as stored, with when it last changed.</summary>
/// <param name="ProductCategorie">null: the ceiling covers all product categories together.</param>
public sealed record CeilingRecord(
    string MunicipalityCode,
    string ProviderAgb,
    int Year,
    string? ProductCategorie,
    long CeilingCents,
    DateTimeOffset UpdatedAt);
