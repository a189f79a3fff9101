namespace SociaalDomein.Api.Ceilings;

/// <summary>A new region-wide ceiling: agreed with a provider for the municipalities of a region that take part in the contract.</summary>
/// <param name="Region">The region's own id, e.g. "RegioNijmegen": a letter, then up to 31 letters, digits, '-' or '_'.</param>
/// <param name="Provider">8-digit AGB code.</param>
/// <param name="Year">Budget year.</param>
/// <param name="Category">2-digit product category; omit for the ceiling of all categories together.</param>
/// <param name="CeilingCents">The ceiling in eurocents, more than 0.</param>
/// <param name="Participants">4-digit CBS codes of the municipalities whose declarations count against it; at least one.</param>
/// <param name="Reason">Why, for the audit trail; at most 500 characters.</param>
public sealed record CreateRegionalCeilingRequest(
    string? Region, string? Provider, int? Year, string? Category, long? CeilingCents, IReadOnlyList<string?>? Participants, string? Reason);

/// <summary>A changed region-wide ceiling (a contract amendment).</summary>
/// <param name="CeilingCents">The new ceiling in eurocents, more than 0.</param>
/// <param name="Participants">The new participating municipalities; omit to keep them as they are.</param>
/// <param name="Reason">Why, for the audit trail; at most 500 characters.</param>
public sealed record ChangeRegionalCeilingRequest(long? CeilingCents, IReadOnlyList<string?>? Participants, string? Reason);

/// <summary>The audit record of a create or change, and what re-evaluating the region's thresholds at once changed.</summary>
/// <param name="ThresholdsReevaluated">
/// false when no silo could be reached: the ceiling is stored, and the next evaluation (a participating contract's new
/// lines or the daily evaluation) judges it.
/// </param>
/// <param name="ChangedAlerts">Ids of the alerts the re-evaluation raised, updated or resolved.</param>
public sealed record RegionalCeilingChangeResponse(Storage.Queries.RegionalCeilingChange Change, bool ThresholdsReevaluated, IReadOnlyList<string> ChangedAlerts);
