namespace SociaalDomein.Monitoring.Rules.RegionalCeilings;

/// <summary>
/// The rule for a ceiling agreed with a provider for the whole region: it sums the declared totals (for the same year
/// and category scope) of the municipalities that take part in that contract. A municipality outside the contract
/// (Wijchen takes part in only some) may still declare at the provider under its own contract; that is reported beside
/// the regional figure so that the totals reconcile, and never counted against it.
/// </summary>
public static class RegionalCeiling
{
    /// <param name="participants">CBS codes of the municipalities that take part in the contract.</param>
    /// <param name="declaredByMunicipality">Net declared eurocent per CBS code for the ceiling's year and category scope.</param>
    public static RegionalCeilingEvaluation Evaluate(
        long ceilingCents,
        IReadOnlyCollection<string> participants,
        IReadOnlyDictionary<string, long> declaredByMunicipality,
        IReadOnlyList<int> thresholdPercents)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ceilingCents);
        var takingPart = participants.ToHashSet(StringComparer.Ordinal);
        var shares = takingPart.Concat(declaredByMunicipality.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(code => new MunicipalityShare(code, declaredByMunicipality.GetValueOrDefault(code), takingPart.Contains(code)))
            .ToList();

        var declared = shares.Where(s => s.TakesPart).Sum(s => s.DeclaredCents);
        var outside = shares.Where(s => !s.TakesPart).Sum(s => s.DeclaredCents);
        var reached = thresholdPercents.Distinct().Order().Where(p => CeilingUse.Reaches(declared, ceilingCents, p)).ToList();
        return new RegionalCeilingEvaluation(ceilingCents, declared, outside, CeilingUse.Percent(declared, ceilingCents), shares, reached);
    }
}
