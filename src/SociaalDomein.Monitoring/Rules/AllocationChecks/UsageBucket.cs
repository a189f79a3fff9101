using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Rules.AllocationChecks;

/// <summary>Declared volume is kept per service month and per Eenheid as declared, so that it can be held against any later allocation version.</summary>
[GenerateSerializer, Immutable]
public readonly record struct UsageBucket([property: Id(0)] ServiceMonth Month, [property: Id(1)] string Eenheid);
