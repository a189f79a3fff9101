using SociaalDomein.Monitoring.Rules.Lifecycle;

namespace SociaalDomein.Monitoring.Alerts;

/// <summary>The kinds of alert the system raises, by the names the alert topic and the replay report use.</summary>
public static class AlertKinds
{
    /// <summary>A percentage of a budget ceiling was reached.</summary>
    public const string CeilingThreshold = nameof(AlertKind.CeilingThreshold);

    /// <summary>Year-to-date spend is ahead of the elapsed share of the year × the ceiling × a tolerance.</summary>
    public const string Pacing = nameof(AlertKind.Pacing);

    /// <summary>The projected year-end spend is above the ceiling.</summary>
    public const string Forecast = nameof(AlertKind.Forecast);

    /// <summary>More was declared against an allocation than it allows.</summary>
    public const string OverDeclaration = nameof(AlertKind.OverDeclaration);

    /// <summary>Lines were declared without a (current, not deleted) allocation.</summary>
    public const string DeclarationWithoutAllocation = nameof(AlertKind.DeclarationWithoutAllocation);

    /// <summary>An answer the message traffic waits for is overdue.</summary>
    public const string LeadTime = nameof(AlertKind.LeadTime);

    public static IReadOnlyList<string> All { get; } =
        [CeilingThreshold, Pacing, Forecast, OverDeclaration, DeclarationWithoutAllocation, LeadTime];
}
