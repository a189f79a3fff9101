using Microsoft.Extensions.Logging;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Host.Monitoring;

/// <summary>Asks every known contract to re-evaluate what depends on the day (lead times, pacing, forecast).</summary>
public sealed class ContractEvaluator(
    IContractDirectory directory,
    IRegionalCeilingStore regionalCeilings,
    IGrainFactory grains,
    ILogger<ContractEvaluator> logger)
{
    /// <summary>A few contracts at a time: each evaluation is cheap, but thousands of activations at once are not.</summary>
    private const int Parallelism = 8;

    /// <returns>The number of alerts that changed.</returns>
    public async Task<int> EvaluateAllAsync(CancellationToken cancellationToken)
    {
        var contracts = await directory.GetAllAsync(cancellationToken);
        var changed = 0;
        await Parallel.ForEachAsync(contracts, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (contract, _) =>
            {
                var ids = await grains.GetGrain<IContractGrain>(contract.ToString()).EvaluateAsync();
                Interlocked.Add(ref changed, ids.Count);
            });
        // Region-wide ceilings, so that one changed in the table is judged by the next evaluation even before new lines arrive.
        foreach (var key in (await regionalCeilings.GetAllAsync(cancellationToken)).Select(c => $"{c.RegionCode}:{c.ProviderAgb}").Distinct())
            changed += (await grains.GetGrain<IRegionalCeilingGrain>(key).EvaluateAsync()).Count;
        logger.LogInformation("Evaluated {Contracts} contracts for the day: {Changed} alert(s) changed", contracts.Count, changed);
        return changed;
    }
}
