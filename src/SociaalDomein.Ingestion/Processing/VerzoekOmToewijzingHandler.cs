using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Monitoring.Rules.LeadTimes;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>315 Verzoek om toewijzing: each requested product starts the municipality's 5 working days to answer with a 301 or 319.</summary>
public sealed class VerzoekOmToewijzingHandler(IGrainFactory grains) : MessageHandler<VerzoekOmToewijzingMessage>
{
    protected override async Task<int> HandleAsync(VerzoekOmToewijzingMessage message, SourcePosition source, CancellationToken cancellationToken)
    {
        var messageId = message.Key.ToString();
        var awaited = message.Client.Producten.Select(p => p.ReferentieAanbieder).Distinct()
            .Select(reference => AwaitedAnswer.Started(LeadTimeRule.RequestAnswer, reference, message.Header.Dagtekening, messageId))
            .ToList();
        await grains.GetGrain<IContractGrain>(new ContractKey(message.MunicipalityCode, message.ProviderAgb).ToString())
            .ApplyTrafficAsync(new ContractTraffic([], awaited));
        return message.Client.Producten.Count;
    }
}
