using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Monitoring.Rules.LeadTimes;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>317 Verzoek om wijziging: starts the municipality's 5 working days to answer with a 301 or 319.</summary>
public sealed class VerzoekOmWijzigingHandler(IGrainFactory grains) : MessageHandler<VerzoekOmWijzigingMessage>
{
    protected override async Task<int> HandleAsync(VerzoekOmWijzigingMessage message, SourcePosition source, CancellationToken cancellationToken)
    {
        var awaited = AwaitedAnswer.Started(LeadTimeRule.RequestAnswer, message.Verzoek.ReferentieAanbieder, message.Header.Dagtekening, message.Key.ToString());
        await grains.GetGrain<IContractGrain>(new ContractKey(message.MunicipalityCode, message.ProviderAgb).ToString())
            .ApplyTrafficAsync(new ContractTraffic([], [awaited]));
        return message.Verzoek.TeWijzigenProducten.Count + message.Verzoek.NieuweProducten.Count;
    }
}
