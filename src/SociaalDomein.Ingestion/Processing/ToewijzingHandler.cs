using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Privacy;
using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ingestion;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>301 Toewijzing: every allocated product becomes a version of its allocation, held by the contract grain.</summary>
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
        await contract.ApplyAllocationVersionsAsync(versions);
        return versions.Count;
    }
}
