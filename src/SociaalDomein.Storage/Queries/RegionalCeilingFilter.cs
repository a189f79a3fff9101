namespace SociaalDomein.Storage.Queries;

/// <summary>Which region-wide ceilings to read; every null criterion matches everything.</summary>
/// <param name="Municipalities">Ceilings with at least one of these participants; null: any.</param>
public sealed record RegionalCeilingFilter(
    int? Year = null, string? RegionCode = null, string? ProviderAgb = null, IReadOnlyCollection<string>? Municipalities = null);
