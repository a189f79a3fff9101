namespace SociaalDomein.Monitoring.Budget;

/// <summary>Whether a threshold of one ceiling is currently crossed, and how often it has been crossed so far.</summary>
[GenerateSerializer]
public sealed class ThresholdMark
{
    /// <summary>True while the declared total is at or above the threshold; an alert was raised when it became true.</summary>
    [Id(0)]
    public bool Crossed { get; set; }

    /// <summary>Number of times the threshold was crossed upward (a credit that brings the total below re-arms it).</summary>
    [Id(1)]
    public int Crossings { get; set; }
}
