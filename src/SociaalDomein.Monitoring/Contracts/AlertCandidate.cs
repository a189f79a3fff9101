using SociaalDomein.Monitoring.Rules.Lifecycle;

namespace SociaalDomein.Monitoring.Contracts;

/// <summary>One evaluated alert condition with what an alert about it should say.</summary>
/// <param name="DeclaredCents">For the money kinds: the declared (or projected) eurocent; else 0.</param>
/// <param name="CeilingCents">For the money kinds: the ceiling or allowed amount it is held against.</param>
public sealed record AlertCandidate(
    AlertObservation Observation,
    string Description,
    int? ThresholdPercent = null,
    long DeclaredCents = 0,
    long? CeilingCents = null);
