using SociaalDomein.Messages.Model;

namespace SociaalDomein.Monitoring.Ledger;

/// <summary>
/// One accepted declaration line (prestatie) as stored in the ledger: every total in the system is a sum of these.
/// Carries the BSN only as a keyed pseudonym.
/// </summary>
/// <param name="ReferentieNummer">Unique per (provider, standard): the ledger's deduplication key.</param>
/// <param name="MessageId">The declaration message's identity (<see cref="MessageKey.ToString"/>), for drill-down.</param>
/// <param name="Dagtekening">The declaration message's Dagtekening: the day the cost is counted on.</param>
/// <param name="AmountCents">Signed: debit positive, credit negative.</param>
/// <param name="SourceTopic">Kafka coordinates of the record the line came from, for drill-down to the raw message.</param>
[GenerateSerializer, Immutable]
public sealed record DeclarationLine(
    [property: Id(0)] Standard Standard,
    [property: Id(1)] string MunicipalityCode,
    [property: Id(2)] string ProviderAgb,
    [property: Id(3)] string ReferentieNummer,
    [property: Id(4)] string? VorigReferentieNummer,
    [property: Id(5)] string DeclaratieNummer,
    [property: Id(6)] string MessageId,
    [property: Id(7)] DateOnly Dagtekening,
    [property: Id(8)] long ToewijzingNummer,
    [property: Id(9)] string ProductCategorie,
    [property: Id(10)] string ProductCode,
    [property: Id(11)] DateOnly PeriodBegin,
    [property: Id(12)] DateOnly PeriodEnd,
    [property: Id(13)] long GeleverdVolume,
    [property: Id(14)] string Eenheid,
    [property: Id(15)] long? TariffCents,
    [property: Id(16)] long AmountCents,
    [property: Id(17)] string ClientPseudonym,
    [property: Id(18)] string SourceTopic,
    [property: Id(19)] int SourcePartition,
    [property: Id(20)] long SourceOffset)
{
    /// <summary>The budget year a line counts in: the year its ProductPeriode starts.</summary>
    public int Year => PeriodBegin.Year;
}
