using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Monitoring.Rules.LeadTimes;
using SociaalDomein.Monitoring.Traffic;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>
/// 307 Stop zorg: records the end of care per allocation (a definitive stop makes later declarations a signal) and how
/// long after the end the report came (5 working days allowed).
/// </summary>
public sealed class StopZorgHandler(IGrainFactory grains) : MessageHandler<StopZorgMessage>
{
    protected override async Task<int> HandleAsync(StopZorgMessage message, SourcePosition source, CancellationToken cancellationToken)
    {
        var traffic = ToTraffic(message);
        await grains.GetGrain<IContractGrain>(new ContractKey(message.MunicipalityCode, message.ProviderAgb).ToString()).ApplyTrafficAsync(traffic);
        return message.Client.Producten.Count;
    }

    public static ContractTraffic ToTraffic(StopZorgMessage message)
    {
        var messageId = message.Key.ToString();
        var day = message.Header.Dagtekening;
        var reports = new List<CareReport>();
        var awaited = new List<AwaitedAnswer>();
        foreach (var product in message.Client.Producten)
        {
            if (product.ToewijzingNummer is not { } nummer) continue;
            var deleted = product.StatusAanlevering == "3";
            reports.Add(new CareReport(message.Standard, message.MunicipalityCode, message.ProviderAgb, nummer, CareReportKind.Stop,
                product.Begindatum, product.Einddatum, product.RedenBeeindiging, product.RedenBeeindiging != CareReport.TijdelijkBeeindigd,
                deleted, day, messageId));
            if (!deleted)
                awaited.Add(new AwaitedAnswer(LeadTimeRule.StopReport, TrafficReferences.Delivery(message.Standard, nummer, product.Begindatum),
                    product.Einddatum, messageId, day, messageId));
        }
        return new ContractTraffic(reports, awaited);
    }
}
