namespace SociaalDomein.Monitoring.Rules.RegionalCeilings;

/// <summary>A region-wide ceiling held against the declared totals of the municipalities that take part in the contract.</summary>
/// <param name="DeclaredCents">Σ of the participating municipalities: what counts against the ceiling.</param>
/// <param name="OutsideContractCents">Σ declared at the provider by municipalities that do not take part: shown, never counted.</param>
/// <param name="Shares">Every participant (0 when it declared nothing) and every other municipality that declared, by code.</param>
/// <param name="ReachedPercents">The thresholds reached, ascending.</param>
[GenerateSerializer, Immutable]
public sealed record RegionalCeilingEvaluation(
    [property: Id(0)] long CeilingCents,
    [property: Id(1)] long DeclaredCents,
    [property: Id(2)] long OutsideContractCents,
    [property: Id(3)] decimal UsePercent,
    [property: Id(4)] IReadOnlyList<MunicipalityShare> Shares,
    [property: Id(5)] IReadOnlyList<int> ReachedPercents);
