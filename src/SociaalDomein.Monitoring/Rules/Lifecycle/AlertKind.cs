namespace SociaalDomein.Monitoring.Rules.Lifecycle;

/// <summary>The kinds of alert; their names are the "kind" strings of the alerts and the replay report.</summary>
public enum AlertKind
{
    CeilingThreshold,
    Pacing,
    Forecast,
    OverDeclaration,
    DeclarationWithoutAllocation,
    LeadTime,
}
