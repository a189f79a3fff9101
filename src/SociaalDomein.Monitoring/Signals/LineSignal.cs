using SociaalDomein.Messages.Model;

namespace SociaalDomein.Monitoring.Signals;

/// <summary>
/// A finding about one accepted declaration line, checked across messages (against its allocation or other lines).
/// A signal never removes the line from the declared totals: declared is what the provider declared.
/// </summary>
/// <param name="Rule">A <see cref="SignalRules"/> code.</param>
/// <param name="Explanation">A sentence a backoffice employee understands; never a BSN.</param>
[GenerateSerializer, Immutable]
public sealed record LineSignal(
    [property: Id(0)] Standard Standard,
    [property: Id(1)] string MunicipalityCode,
    [property: Id(2)] string ProviderAgb,
    [property: Id(3)] string ReferentieNummer,
    [property: Id(4)] long ToewijzingNummer,
    [property: Id(5)] string Rule,
    [property: Id(6)] string Explanation,
    [property: Id(7)] string MessageId);
