using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Monitoring.Ceilings;

/// <summary>A budget ceiling (budgetplafond) agreed for a contract and year, for all categories or one.</summary>
/// <param name="ProductCategorie">null: the ceiling covers all product categories together.</param>
[GenerateSerializer, Immutable]
public sealed record BudgetCeiling(
    [property: Id(0)] ContractKey Contract,
    [property: Id(1)] int Year,
    [property: Id(2)] string? ProductCategorie,
    [property: Id(3)] long CeilingCents);
