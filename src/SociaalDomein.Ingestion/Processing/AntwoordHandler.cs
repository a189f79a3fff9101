using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Monitoring.Rules.LeadTimes;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>319 Antwoordbericht: answers the provider's 315/317 (rejected or under investigation), which stops its lead time.</summary>
public sealed class AntwoordHandler(IGrainFactory grains) : MessageHandler<AntwoordMessage>
{
    protected override async Task<int> HandleAsync(AntwoordMessage message, SourcePosition source, CancellationToken cancellationToken)
    {
        var answer = AwaitedAnswer.Answered(LeadTimeRule.RequestAnswer, message.Antwoord.ReferentieAanbieder, message.Header.Dagtekening, message.Key.ToString());
        await grains.GetGrain<IContractGrain>(new ContractKey(message.MunicipalityCode, message.ProviderAgb).ToString())
            .ApplyTrafficAsync(new ContractTraffic([], [answer]));
        return 1;
    }
}
