namespace SociaalDomein.Api.Traffic;

/// <summary>Query string of the traffic lists: a period of Dutch calendar days and a page.</summary>
/// <param name="From">First day (yyyy-MM-dd, Europe/Amsterdam) the records were consumed on, inclusive.</param>
/// <param name="To">Last day, inclusive.</param>
/// <param name="Limit">Page size 1–1000, default 100.</param>
/// <param name="Offset">Rows to skip, default 0.</param>
public sealed record TrafficQuery(string? From, string? To, string? Limit, string? Offset);
