namespace SociaalDomein.Storage.Queries;

/// <summary>A ledger line as the API and the data team see it: every field of the prestatie, the client only as pseudonym.</summary>
public sealed record LedgerLine(
    long Sequence,
    string Standard,
    string MunicipalityCode,
    string ProviderAgb,
    int Year,
    string ReferentieNummer,
    string? VorigReferentieNummer,
    string DeclaratieNummer,
    string MessageId,
    DateOnly Dagtekening,
    long ToewijzingNummer,
    string ProductCategorie,
    string ProductCode,
    DateOnly PeriodBegin,
    DateOnly PeriodEnd,
    long GeleverdVolume,
    string Eenheid,
    long? TariffCents,
    long AmountCents,
    string ClientPseudonym,
    string SourceTopic,
    int SourcePartition,
    long SourceOffset,
    DateTimeOffset StoredAt);
