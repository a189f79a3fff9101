namespace SociaalDomein.Monitoring.Budget;

/// <summary>A ceiling threshold that was crossed upward by the latest declarations.</summary>
/// <param name="Crossing">1 for the first crossing in the year, 2 after a credit re-armed it and it was crossed again, ...</param>
public sealed record ThresholdCrossing(
    int Year,
    string? ProductCategorie,
    int Percent,
    int Crossing,
    long DeclaredCents,
    long CeilingCents);
