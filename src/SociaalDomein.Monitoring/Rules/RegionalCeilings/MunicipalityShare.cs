namespace SociaalDomein.Monitoring.Rules.RegionalCeilings;

/// <summary>What one municipality declared at the provider, and whether it counts towards the regional ceiling.</summary>
[GenerateSerializer, Immutable]
public sealed record MunicipalityShare(
    [property: Id(0)] string MunicipalityCode,
    [property: Id(1)] long DeclaredCents,
    [property: Id(2)] bool TakesPart);
