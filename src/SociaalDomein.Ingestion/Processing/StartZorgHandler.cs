using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Monitoring.Rules.LeadTimes;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>
/// 305 Start zorg: records the start of care per allocation, answers the wait for the allocation's 305, and records
/// how long after the start the report came (5 working days allowed).
/// </summary>
public sealed class StartZorgHandler(IGrainFactory grains) : MessageHandler<StartZorgMessage>
{
    protected override async Task<int> HandleAsync(StartZorgMessage message, SourcePosition source, CancellationToken cancellationToken)
    {
        var traffic = ToTraffic(message);
        await grains.GetGrain<IContractGrain>(new ContractKey(message.MunicipalityCode, message.ProviderAgb).ToString()).ApplyTrafficAsync(traffic);
        return message.Client.Producten.Count;
    }

    /// <summary>Products without a ToewijzingNummer (care without allocation number) name no allocation and are only counted.</summary>
    public static ContractTraffic ToTraffic(StartZorgMessage message)
    {
        var messageId = message.Key.ToString();
        var day = message.Header.Dagtekening;
        var reports = new List<CareReport>();
        var awaited = new List<AwaitedAnswer>();
        foreach (var product in message.Client.Producten)
        {
            if (product.ToewijzingNummer is not { } nummer) continue;
            var deleted = product.StatusAanlevering == "3";
            reports.Add(new CareReport(message.Standard, message.MunicipalityCode, message.ProviderAgb, nummer, CareReportKind.Start,
                product.Begindatum, null, null, false, deleted, day, messageId));
            if (deleted) continue;
            awaited.Add(AwaitedAnswer.Answered(LeadTimeRule.AllocationWithoutStart, TrafficReferences.Allocation(message.Standard, nummer), day, messageId));
            awaited.Add(new AwaitedAnswer(LeadTimeRule.StartReport, TrafficReferences.Delivery(message.Standard, nummer, product.Begindatum),
                product.Begindatum, messageId, day, messageId));
        }
        return new ContractTraffic(reports, awaited);
    }
}
