namespace SociaalDomein.Simulation.Scenarios;

/// <summary>The deliberate imperfections in a scenario's message traffic; every share is between 0 and 1.</summary>
/// <param name="CorrectionShare">
/// Share of declared lines that the provider corrects in its next month's declaration: a credit line repeating the
/// debit (VorigReferentieNummer = the debit's ReferentieNummer), followed by a new debit with a lower volume.
/// </param>
/// <param name="ResentShare">Share of messages (301 and 323) sent a second time, byte for byte the same, a few days later.</param>
/// <param name="LateShare">Share of declarations sent after the first 10 working days following the month.</param>
public sealed record QualityNoise(double CorrectionShare, double ResentShare, double LateShare)
{
    /// <summary>About 1 % corrections, 1 % resent messages and 5 % late declarations (DOMAIN.md §6).</summary>
    public static QualityNoise Default { get; } = new(0.01, 0.01, 0.05);

    /// <summary>Clean traffic: no corrections, no resent messages, every declaration on time.</summary>
    public static QualityNoise None { get; } = new(0, 0, 0);

    internal void Validate()
    {
        foreach (var (name, share) in new[] { (nameof(CorrectionShare), CorrectionShare), (nameof(ResentShare), ResentShare), (nameof(LateShare), LateShare) })
        {
            if (share is < 0 or > 1 || double.IsNaN(share))
                throw new ArgumentOutOfRangeException(name, share, "A share must be between 0 and 1.");
        }
    }
}
