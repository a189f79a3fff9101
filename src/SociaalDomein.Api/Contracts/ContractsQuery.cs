namespace SociaalDomein.Api.Contracts;

/// <summary>Query string of the contract list; every value is optional.</summary>
/// <param name="Year">Budget year (the year a line's product period starts).</param>
/// <param name="Municipality">4-digit CBS gemeentecode.</param>
/// <param name="Provider">8-digit AGB code.</param>
/// <param name="Limit">Page size 1–1000, default 100.</param>
/// <param name="Offset">Rows to skip, default 0.</param>
public sealed record ContractsQuery(string? Year, string? Municipality, string? Provider, string? Limit, string? Offset);
