using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Privacy;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Monitoring.Ledger;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>323 Declaratie: pseudonymises the clients and hands the lines to the contract grain in batches.</summary>
public sealed class DeclaratieHandler(IGrainFactory grains, BsnPseudonymizer pseudonymizer) : MessageHandler<DeclaratieMessage>
{
    /// <summary>Lines per grain call: keeps one call's payload small even for a 25 MB declaration.</summary>
    public const int BatchSize = 2_000;

    protected override async Task<int> HandleAsync(DeclaratieMessage message, SourcePosition source, CancellationToken cancellationToken)
    {
        var lines = ToLedgerLines(message, source, pseudonymizer);
        var contract = grains.GetGrain<IContractGrain>(new ContractKey(message.MunicipalityCode, message.ProviderAgb).ToString());
        foreach (var batch in lines.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await contract.ApplyDeclarationLinesAsync(batch);
        }
        return lines.Count;
    }

    /// <summary>The message's prestaties as ledger lines, with each client's BSN replaced by its pseudonym.</summary>
    public static IReadOnlyList<DeclarationLine> ToLedgerLines(DeclaratieMessage message, SourcePosition source, BsnPseudonymizer pseudonymizer)
    {
        var messageId = message.Key.ToString();
        var lines = new List<DeclarationLine>();
        foreach (var client in message.Clients)
        {
            var pseudonym = pseudonymizer.Pseudonymise(client.Bsn);
            foreach (var p in client.Prestaties)
            {
                lines.Add(new DeclarationLine(message.Standard, message.MunicipalityCode, message.ProviderAgb, p.ReferentieNummer,
                    p.VorigReferentieNummer, message.DeclaratieNummer, messageId, message.Header.Dagtekening, p.ToewijzingNummer,
                    p.ProductCategorie, p.ProductCode, p.ProductPeriodeBegin, p.ProductPeriodeEinde, p.GeleverdVolume, p.Eenheid,
                    p.ProductTariefCents, p.SignedAmountCents, pseudonym, source.Topic, source.Partition, source.Offset));
            }
        }
        return lines;
    }
}
