using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Rules.AllocationChecks;

/// <summary>One rule a declaration line breaks. A finding is a signal: it never removes the line from the declared totals.</summary>
/// <param name="RuleCode">See <see cref="RuleCodes"/>.</param>
/// <param name="Actual">The figure that broke the rule (volume in <paramref name="Unit"/>, eurocent, or a date as yyyymmdd), when there is one.</param>
/// <param name="Allowed">The limit it was held against, in the same unit.</param>
/// <param name="Unit">Eenheid code of <paramref name="Actual"/> and <paramref name="Allowed"/> for volumes, "cent" for amounts, "date" for dates.</param>
/// <param name="Month">For a volume per period (9321): the month it concerns.</param>
[GenerateSerializer, Immutable]
public sealed record DeclarationFinding(
    [property: Id(0)] string RuleCode,
    [property: Id(1)] string Description,
    [property: Id(2)] long? Actual = null,
    [property: Id(3)] long? Allowed = null,
    [property: Id(4)] string? Unit = null,
    [property: Id(5)] ServiceMonth? Month = null)
{
    public bool IsWithoutAllocation => RuleCodes.IsWithoutAllocation(RuleCode);
    public bool IsOverDeclaration => RuleCodes.IsOverDeclaration(RuleCode);
}
