namespace SociaalDomein.Api.Providers;

/// <summary>
/// A provider's year-end forecast over its contracts that have a ceiling: the sum of each contract grain's projection
/// (the same figures as <c>forecast</c> on each contract), against the sum of their ceilings.
/// </summary>
/// <param name="DeclaredCents">What those contracts have declared so far: where the projection starts from.</param>
public sealed record ProviderForecast(long ProjectedCents, long CeilingCents, long DeclaredCents, bool AboveCeiling);
