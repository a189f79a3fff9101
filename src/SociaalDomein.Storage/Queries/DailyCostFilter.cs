namespace SociaalDomein.Storage.Queries;

/// <summary>Which daily cost rows to read; every null criterion matches everything.</summary>
/// <param name="From">First day (Dagtekening), inclusive.</param>
/// <param name="To">Last day, inclusive.</param>
/// <param name="Municipalities">CBS codes to include; null: all municipalities.</param>
/// <param name="Standard">"ijw" or "iwmo".</param>
public sealed record DailyCostFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyCollection<string>? Municipalities = null,
    string? ProviderAgb = null,
    string? ProductCategorie = null,
    string? Standard = null);
