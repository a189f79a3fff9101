namespace SociaalDomein.Storage.Queries;

/// <summary>Which alerts to read; every null criterion matches everything.</summary>
/// <param name="Resolved">false: only open alerts; true: only alerts whose condition no longer holds or that a contract manager acknowledged.</param>
public sealed record AlertFilter(
    bool? Resolved = null,
    IReadOnlyCollection<string>? Municipalities = null,
    string? ProviderAgb = null,
    int? Year = null,
    string? Severity = null);
