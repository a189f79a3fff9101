using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Privacy;
using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Monitoring.Rules.LeadTimes;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>
/// 301 Toewijzing: every allocated product becomes a version of its allocation, held by the contract grain. A new
/// allocation starts the wait for its 305; a product with a ReferentieAanbieder answers the provider's 315/317.
/// </summary>
public sealed class ToewijzingHandler(IGrainFactory grains, BsnPseudonymizer pseudonymizer) : MessageHandler<ToewijzingMessage>
{
    protected override async Task<int> HandleAsync(ToewijzingMessage message, SourcePosition source, CancellationToken cancellationToken)
    {
        var messageId = message.Key.ToString();
        var versions = new List<AllocationVersion>();
        foreach (var client in message.Clients)
        {
            var pseudonym = pseudonymizer.Pseudonymise(client.Bsn);
            foreach (var product in client.Producten)
            {
                versions.Add(new AllocationVersion(message.Standard, message.MunicipalityCode, message.ProviderAgb,
                    product.ToewijzingNummer, pseudonym, product.ProductCategorie, product.ProductCode, product.Toewijzingsdatum,
                    product.Toewijzingstijd, product.Ingangsdatum, product.Einddatum,
                    product.RedenWijziging == AllocationVersion.RedenWijzigingVerwijderd, product.Omvang?.Volume,
                    product.Omvang?.Eenheid, product.Omvang?.Frequentie, product.BudgetCents, messageId));
            }
        }
        var contract = grains.GetGrain<IContractGrain>(new ContractKey(message.MunicipalityCode, message.ProviderAgb).ToString());
        await contract.ApplyAllocationMessageAsync(versions, Awaited(message));
        return versions.Count;
    }

    /// <summary>The terms a 301 opens (a 305 is awaited from the day the allocation takes effect) and the requests it answers.</summary>
    public static IReadOnlyList<AwaitedAnswer> Awaited(ToewijzingMessage message)
    {
        var messageId = message.Key.ToString();
        var day = message.Header.Dagtekening;
        var awaited = new List<AwaitedAnswer>();
        foreach (var product in message.Clients.SelectMany(c => c.Producten))
        {
            var allocation = TrafficReferences.Allocation(message.Standard, product.ToewijzingNummer);
            awaited.Add(product.RedenWijziging == AllocationVersion.RedenWijzigingVerwijderd
                ? AwaitedAnswer.Answered(LeadTimeRule.AllocationWithoutStart, allocation, day, messageId)
                : AwaitedAnswer.Started(LeadTimeRule.AllocationWithoutStart, allocation, product.Ingangsdatum > day ? product.Ingangsdatum : day, messageId));
            if (product.ReferentieAanbieder is { Length: > 0 } reference)
                awaited.Add(AwaitedAnswer.Answered(LeadTimeRule.RequestAnswer, reference, day, messageId));
        }
        return awaited;
    }
}
