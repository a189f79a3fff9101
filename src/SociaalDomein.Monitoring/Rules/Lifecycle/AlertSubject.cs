using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Rules.Calendar;
using SociaalDomein.Monitoring.Rules.LeadTimes;

namespace SociaalDomein.Monitoring.Rules.Lifecycle;

/// <summary>
/// What an alert is about, derived only from the facts, so that the same facts always give the same key. The alert id
/// is the key plus the occurrence: <c>{key}:{n}</c>, n counting how often the condition began to hold again after it was resolved.
/// </summary>
/// <param name="Scope">A CBS municipality code, or a region id for a region-wide ceiling.</param>
/// <param name="Year">The budget year the alert counts in.</param>
[GenerateSerializer, Immutable]
public sealed record AlertSubject(
    [property: Id(0)] string Key,
    [property: Id(1)] AlertKind Kind,
    [property: Id(2)] string Scope,
    [property: Id(3)] string ProviderAgb,
    [property: Id(4)] int Year,
    [property: Id(5)] string? ProductCategorie = null)
{
    public string AlertId(int occurrence) => $"{Key}:{occurrence}";

    /// <summary><c>ceiling-threshold:{scope}:{provider}:{year}:{category|all}:{percent}</c>, the skeleton's id format.</summary>
    public static AlertSubject CeilingThreshold(string scope, string providerAgb, int year, string? productCategorie, int percent) =>
        new($"ceiling-threshold:{scope}:{providerAgb}:{year}:{productCategorie ?? "all"}:{percent}", AlertKind.CeilingThreshold,
            scope, providerAgb, year, productCategorie);

    /// <summary><c>pacing:{scope}:{provider}:{year}:{category|all}</c></summary>
    public static AlertSubject Pacing(string scope, string providerAgb, int year, string? productCategorie) =>
        new($"pacing:{scope}:{providerAgb}:{year}:{productCategorie ?? "all"}", AlertKind.Pacing, scope, providerAgb, year, productCategorie);

    /// <summary><c>forecast:{scope}:{provider}:{year}:{category|all}</c></summary>
    public static AlertSubject Forecast(string scope, string providerAgb, int year, string? productCategorie) =>
        new($"forecast:{scope}:{providerAgb}:{year}:{productCategorie ?? "all"}", AlertKind.Forecast, scope, providerAgb, year, productCategorie);

    /// <summary>
    /// <c>over-declaration:{municipality}:{provider}:{standard}:{toewijzingNummer}:{ruleCode}[:{yyyy-MM}]</c>: one per
    /// allocation and rule, per month for the monthly volume (9321). The year is the month's, else the allocation's first year.
    /// </summary>
    public static AlertSubject OverDeclaration(
        string municipalityCode, string providerAgb, Standard standard, long toewijzingNummer, string ruleCode, ServiceMonth? month, DateOnly ingangsdatum) =>
        new($"over-declaration:{municipalityCode}:{providerAgb}:{standard.Code()}:{toewijzingNummer}:{ruleCode}{(month is { } m ? $":{m}" : "")}",
            AlertKind.OverDeclaration, municipalityCode, providerAgb, month?.Year ?? ingangsdatum.Year);

    /// <summary><c>declaration-without-allocation:{municipality}:{provider}:{year}</c>: one per contract and year, figures = lines and amount.</summary>
    public static AlertSubject DeclarationWithoutAllocation(string municipalityCode, string providerAgb, int year) =>
        new($"declaration-without-allocation:{municipalityCode}:{providerAgb}:{year}", AlertKind.DeclarationWithoutAllocation,
            municipalityCode, providerAgb, year);

    /// <summary>
    /// <c>lead-time:{municipality}:{provider}:{rule}:{reference}</c>, the reference naming what awaits an answer
    /// (a message id, a ReferentieAanbieder, a ToewijzingNummer). The year is the year the term started.
    /// </summary>
    public static AlertSubject LeadTime(string municipalityCode, string providerAgb, LeadTimeRule rule, string reference, DateOnly start) =>
        new($"lead-time:{municipalityCode}:{providerAgb}:{RuleKey(rule)}:{reference}", AlertKind.LeadTime, municipalityCode, providerAgb, start.Year);

    private static string RuleKey(LeadTimeRule rule) => rule switch
    {
        LeadTimeRule.Retour => "retour",
        LeadTimeRule.DeclarationAnswer => "declaration-answer",
        LeadTimeRule.StartReport => "start-report",
        LeadTimeRule.StopReport => "stop-report",
        LeadTimeRule.RequestAnswer => "request-answer",
        LeadTimeRule.AllocationWithoutStart => "allocation-without-start",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown lead-time rule"),
    };
}
