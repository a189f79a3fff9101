using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Monitoring.Rules.LeadTimes;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>
/// 325 Declaratie-antwoord: answers the 323 it names, which stops its 10-working-day term. The verdict itself (rejected
/// lines) does not change the declared totals: declared is what the provider declared.
/// </summary>
public sealed class DeclaratieAntwoordHandler(IGrainFactory grains) : MessageHandler<DeclaratieAntwoordMessage>
{
    protected override async Task<int> HandleAsync(DeclaratieAntwoordMessage message, SourcePosition source, CancellationToken cancellationToken)
    {
        var answer = AwaitedAnswer.Answered(LeadTimeRule.DeclarationAnswer, message.OriginalMessageKey.ToString(), message.Header.Dagtekening,
            message.Key.ToString());
        await grains.GetGrain<IContractGrain>(new ContractKey(message.MunicipalityCode, message.ProviderAgb).ToString())
            .ApplyTrafficAsync(new ContractTraffic([], [answer]));
        return message.RejectedLines.Count();
    }
}
