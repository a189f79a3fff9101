using SociaalDomein.Api.Contracts;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.Providers;

/// <summary>
/// A provider's budget year over the municipalities the caller may see: the running total per Dagtekening against the
/// sum of its ceilings, its contracts, and the year-end forecast.
/// </summary>
/// <param name="CeilingCents">Sum of the ceilings (all categories) of the contracts that have one; null if none has.</param>
/// <param name="Points">Running total per Dagtekening: at most one point per day, so it is not paged.</param>
/// <param name="Contracts">One row per municipality the provider has a contract with: not paged (a region has tens).</param>
/// <param name="Forecast">
/// null when no contract has a ceiling, or when a contract with one has no forecast (an API host without a cluster).
/// </param>
public sealed record ProviderCeilingUse(
    string ProviderAgb,
    int Year,
    long DeclaredCents,
    long? CeilingCents,
    decimal? CeilingUsePercent,
    string Status,
    IReadOnlyList<CumulativePoint> Points,
    IReadOnlyList<ContractYearToDateResponse> Contracts,
    ProviderForecast? Forecast = null);
