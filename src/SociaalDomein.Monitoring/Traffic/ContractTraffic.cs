namespace SociaalDomein.Monitoring.Traffic;

/// <summary>What one non-declaration message (305, 307, 315, 317, 319, 325, or the requests a 301 answers) tells a contract.</summary>
[GenerateSerializer, Immutable]
public sealed record ContractTraffic(
    [property: Id(0)] IReadOnlyList<CareReport> CareReports,
    [property: Id(1)] IReadOnlyList<AwaitedAnswer> Awaited);
