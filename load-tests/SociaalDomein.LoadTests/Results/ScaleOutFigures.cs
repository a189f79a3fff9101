using SociaalDomein.LoadTests.Measurement;

namespace SociaalDomein.LoadTests.Results;

/// <summary>One process the scale-out run started, and what became of it.</summary>
/// <param name="StartedAtSeconds">Seconds since the measured phase began (negative: before it).</param>
/// <param name="KilledAtSeconds">When the harness SIGKILLed it; null: it ran to the end.</param>
public sealed record ProcessFigures(string Name, string Roles, double StartedAtSeconds, double? KilledAtSeconds, double CpuSeconds, double PeakRssMb);

/// <summary>One SIGKILL and how throughput came back after it.</summary>
/// <param name="AtSeconds">Seconds since the measured phase began.</param>
/// <param name="DeclarationsDurable">Declarations durable when the kill came (of <see cref="ScaleOutFigures.Declarations"/>).</param>
/// <param name="RestartedAtSeconds">When its replacement was started; null: none was.</param>
/// <param name="RecoveredAfterSeconds">
/// From the kill to the end of the first 5 s bucket back at ≥ <see cref="ScaleOutFigures.RecoveryShare"/> of the rate before
/// the first kill; null: it did not come back that far before the run ended.
/// </param>
/// <param name="DeclaredDeadAfterSeconds">A silo: from the kill until its membership row was Dead (polled every 0.2 s).</param>
/// <param name="LongestStallSeconds">The longest run of buckets without a single durable record after the kill.</param>
/// <param name="LowestBucketLinesPerSecond">The slowest bucket between the kill and the recovery.</param>
public sealed record KillFigures(
    string Process,
    string Roles,
    double AtSeconds,
    long DeclarationsDurable,
    double? RestartedAtSeconds,
    double? RecoveredAfterSeconds,
    double? DeclaredDeadAfterSeconds,
    double LongestStallSeconds,
    double? LowestBucketLinesPerSecond);

/// <summary>What the scale-out run measured beyond the common figures.</summary>
/// <param name="LinesPerSecondBeforeKills">From the first declaration produced to the first kill: 2 silos, 2 workers.</param>
/// <param name="LinesPerSecondDuringRecovery">From the first kill to the recovery after the last one.</param>
/// <param name="LinesPerSecondAfterRecovery">From the recovery after the last kill to the last record.</param>
public sealed record ScaleOutFigures(
    int Silos,
    int Workers,
    int Partitions,
    int SessionTimeoutMs,
    double? RestartAfterSeconds,
    long Declarations,
    double BucketSeconds,
    double RecoveryShare,
    double? LinesPerSecondBeforeKills,
    double? LinesPerSecondDuringRecovery,
    double? LinesPerSecondAfterRecovery,
    double? RecordsPerSecondBeforeKills,
    double? RecordsPerSecondDuringRecovery,
    double? RecordsPerSecondAfterRecovery,
    IReadOnlyList<KillFigures> Kills,
    IReadOnlyList<ProcessFigures> Processes,
    double WarmUpSeconds,
    long WarmUpRecords);
