namespace SociaalDomein.Api.Region;

/// <summary>One municipality's budget year: spend against the ceilings of its contracts, as a traffic light.</summary>
/// <param name="DeclaredCents">Declared under all the municipality's contracts.</param>
/// <param name="DeclaredUnderCeilingCents">Declared under the contracts that have a ceiling: what <see cref="CeilingCents"/> is compared with.</param>
/// <param name="CeilingCents">Sum of the contracts' ceilings for all categories.</param>
/// <param name="CeilingUsePercent">DeclaredUnderCeiling as % of Ceiling; null without ceilings.</param>
/// <param name="ContractsAmber">Contracts whose own light is amber.</param>
/// <param name="ContractsRed">Contracts at or over their ceiling.</param>
public sealed record MunicipalityOverview(
    string MunicipalityCode,
    int Year,
    long DeclaredCents,
    long DeclaredUnderCeilingCents,
    long CeilingCents,
    decimal? CeilingUsePercent,
    string Status,
    int Contracts,
    int ContractsAmber,
    int ContractsRed);
