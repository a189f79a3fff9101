namespace SociaalDomein.Monitoring.Ceilings;

/// <summary>
/// The region-wide ceilings of one provider in one region, keyed "{region}:{provider}": evaluates their thresholds
/// over the participating municipalities' declared totals and keeps their alerts.
/// </summary>
public interface IRegionalCeilingGrain : IGrainWithStringKey
{
    /// <summary>Reloads the ceilings and the declared totals and re-evaluates; returns the ids of alerts that changed.</summary>
    Task<IReadOnlyList<string>> EvaluateAsync();

    /// <summary>As <see cref="EvaluateAsync"/>, for the ceilings of the given years only (the years new lines were declared for).</summary>
    Task<IReadOnlyList<string>> EvaluateYearsAsync(IReadOnlyList<int> years);
}
