namespace SociaalDomein.Monitoring.Rules.Lifecycle;

/// <summary>Where one alert subject stands: its latest occurrence, whether that is active, and the figures last reported.</summary>
[GenerateSerializer]
public sealed class AlertTrack
{
    [Id(0)] public int Year { get; set; }

    /// <summary>How often the condition began to hold; the current alert id ends in this number.</summary>
    [Id(1)] public int Occurrence { get; set; }

    [Id(2)] public bool Active { get; set; }

    [Id(3)] public AlertFigures? Figures { get; set; }

    [Id(4)] public string? Severity { get; set; }

    /// <summary>Changes of the current occurrence so far: 1 when raised, +1 per update and for the resolution.</summary>
    [Id(5)] public int Revision { get; set; }
}
