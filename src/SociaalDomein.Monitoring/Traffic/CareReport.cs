using SociaalDomein.Messages.Model;

namespace SociaalDomein.Monitoring.Traffic;

/// <summary>A start (305) or stop (307) of care under one allocation, as reported by the provider.</summary>
/// <param name="ToewijzingNummer">The allocation the care was delivered under.</param>
/// <param name="Einddatum">For a stop: the last day of care.</param>
/// <param name="RedenBeeindiging">For a stop: the reason (code list per standard).</param>
/// <param name="Definitive">For a stop: true unless the care was stopped temporarily (RedenBeeindiging 20 in both standards).</param>
/// <param name="Deleted">StatusAanlevering 3: the report withdraws an earlier one.</param>
/// <param name="ReceivedOn">The report's Dagtekening.</param>
[GenerateSerializer, Immutable]
public sealed record CareReport(
    [property: Id(0)] Standard Standard,
    [property: Id(1)] string MunicipalityCode,
    [property: Id(2)] string ProviderAgb,
    [property: Id(3)] long ToewijzingNummer,
    [property: Id(4)] CareReportKind Kind,
    [property: Id(5)] DateOnly Begindatum,
    [property: Id(6)] DateOnly? Einddatum,
    [property: Id(7)] string? RedenBeeindiging,
    [property: Id(8)] bool Definitive,
    [property: Id(9)] bool Deleted,
    [property: Id(10)] DateOnly ReceivedOn,
    [property: Id(11)] string MessageId)
{
    /// <summary>RedenBeeindiging "tijdelijk beëindigd": the only stop that is not for good (iJw JZ588 and iWmo WMO588).</summary>
    public const string TijdelijkBeeindigd = "20";

    public (Standard Standard, long ToewijzingNummer) AllocationKey => (Standard, ToewijzingNummer);
}

public enum CareReportKind
{
    Start,
    Stop,
}
