using System.Collections.Concurrent;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Storage.Queries;

namespace SociaalDomein.Api.Contracts;

/// <summary>
/// The year-end forecast of contract-years as the contract grain holds it (it needs the allocations and the service
/// months, which no query has), for the detail and the list alike. An API host without a cluster to ask shows none.
/// </summary>
internal static class ContractForecasts
{
    /// <summary>A few grains at a time: a page may hold a thousand contracts, and each call may activate one.</summary>
    private const int Parallelism = 8;

    public static async Task<ContractForecastResponse?> ForAsync(IGrainFactory? grains, ContractKey contract, int year)
    {
        if (grains is null) return null;
        var summary = await grains.GetGrain<IContractGrain>(contract.ToString()).GetSummaryAsync();
        return summary.Years.SingleOrDefault(y => y.Year == year && y.ProductCategorie is null) is
            { ProjectedCents: { } projected, CeilingCents: { } ceiling, ForecastMethod: { } method }
            ? new ContractForecastResponse(projected, ceiling, method, projected > ceiling)
            : null;
    }

    /// <summary>The forecast of each row that has one; only rows with a ceiling are asked, since without one there is no forecast.</summary>
    public static async Task<IReadOnlyDictionary<(string Municipality, string Provider, int Year), ContractForecastResponse>> ForAsync(
        IGrainFactory? grains, IEnumerable<ContractYearToDate> rows, CancellationToken cancellationToken)
    {
        var forecasts = new ConcurrentDictionary<(string, string, int), ContractForecastResponse>();
        if (grains is null) return forecasts;
        await Parallel.ForEachAsync(rows.Where(r => r.CeilingCents is not null),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (row, _) =>
            {
                if (await ForAsync(grains, new ContractKey(row.MunicipalityCode, row.ProviderAgb), row.Year) is { } forecast)
                    forecasts[(row.MunicipalityCode, row.ProviderAgb, row.Year)] = forecast;
            });
        return forecasts;
    }
}
