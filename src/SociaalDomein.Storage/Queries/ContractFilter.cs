namespace SociaalDomein.Storage.Queries;

/// <summary>Which contracts to read; every null criterion matches everything.</summary>
/// <param name="Year">Budget year (the year a line's product period starts).</param>
/// <param name="Municipalities">CBS codes to include; null: all municipalities.</param>
public sealed record ContractFilter(int? Year = null, IReadOnlyCollection<string>? Municipalities = null, string? ProviderAgb = null);
