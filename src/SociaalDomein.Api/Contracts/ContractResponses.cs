using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.Contracts;

/// <summary>A contract's budget year so far against its ceiling for all categories, with the year-end forecast.</summary>
/// <param name="CeilingUsePercent">Declared as % of the ceiling; null without a ceiling.</param>
/// <param name="Status">Traffic light: green, amber (from the first alert threshold), red (from 100 %) or none (no ceiling).</param>
/// <param name="Forecast">The contract grain's projection; null without a ceiling or when the API host has no cluster to ask.</param>
public sealed record ContractYearToDateResponse(
    string MunicipalityCode,
    string ProviderAgb,
    int Year,
    long DeclaredCents,
    long? CeilingCents,
    decimal? CeilingUsePercent,
    string Status,
    long LineCount,
    DateOnly? LastDagtekening,
    ContractForecastResponse? Forecast = null);

/// <summary>One product category of a contract-year, against that category's own ceiling if one is agreed.</summary>
public sealed record ContractCategoryResponse(string ProductCategorie, long DeclaredCents, long? CeilingCents, decimal? CeilingUsePercent, string Status, long LineCount);

/// <summary>A contract-year with its categories and where to find the lines and messages its total is made of.</summary>
public sealed record ContractDetailResponse(
    ContractYearToDateResponse Total,
    IReadOnlyList<ContractCategoryResponse> Categories,
    string Lines,
    string Messages,
    ContractForecastResponse? Forecast = null);

/// <summary>
/// The contract grain's projection of the year's spend for all categories, as its Forecast alert judges it: declared +
/// the not-yet-declared value of the active allocations + the run rate for the months to come.
/// </summary>
/// <param name="Method">RunRatePlusOpenAllocations, RunRate (an allocation could not be priced) or DeclaredToDate (no complete month yet, or the year is over).</param>
public sealed record ContractForecastResponse(long ProjectedCents, long CeilingCents, string Method, bool AboveCeiling);

internal static class ContractResponseMapping
{
    public static ContractYearToDateResponse ToResponse(this ContractYearToDate row, Responses.TrafficLights lights,
        ContractForecastResponse? forecast = null)
    {
        var use = lights.For(row.DeclaredCents, row.CeilingCents);
        return new ContractYearToDateResponse(row.MunicipalityCode, row.ProviderAgb, row.Year, row.DeclaredCents, row.CeilingCents,
            use.Percent, use.Status, row.LineCount, row.LastDagtekening, forecast);
    }
}
