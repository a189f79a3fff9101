namespace SociaalDomein.Api.Ceilings;

/// <summary>A new budget ceiling.</summary>
/// <param name="Municipality">4-digit CBS gemeentecode.</param>
/// <param name="Provider">8-digit AGB code.</param>
/// <param name="Year">Budget year.</param>
/// <param name="Category">2-digit product category; omit for the ceiling of all categories together.</param>
/// <param name="CeilingCents">The ceiling in eurocents, 0 or more.</param>
/// <param name="Reason">Why, for the audit trail (e.g. "Contract 2026-014 signed"); at most 500 characters.</param>
public sealed record CreateCeilingRequest(string? Municipality, string? Provider, int? Year, string? Category, long? CeilingCents, string? Reason);

/// <summary>A changed amount for an existing ceiling (a contract amendment).</summary>
/// <param name="CeilingCents">The new ceiling in eurocents, 0 or more.</param>
/// <param name="Reason">Why, for the audit trail; at most 500 characters.</param>
public sealed record ChangeCeilingRequest(long? CeilingCents, string? Reason);

/// <summary>The audit record of a create or change, and whether the contract re-evaluated its thresholds at once.</summary>
/// <param name="ThresholdsReevaluated">
/// false when no silo could be reached: the ceiling is stored, and the contract picks it up when the silo next activates it.
/// </param>
public sealed record CeilingChangeResponse(Storage.Queries.CeilingChange Change, bool ThresholdsReevaluated);
