namespace SociaalDomein.Monitoring.Evaluation;

/// <summary>
/// One per cluster (key <see cref="Key"/>): decides which silo evaluates the contracts for a day, so that with several
/// silos the day's evaluation runs once rather than once per silo. A claim is a lease: a silo that dies while
/// evaluating lets another take the day over when the lease runs out.
/// </summary>
public interface IDailyEvaluationGrain : IGrainWithStringKey
{
    public const string Key = "cluster";

    Task<DayClaim> TryClaimAsync(DateOnly day, string silo, TimeSpan lease);

    Task CompleteAsync(DateOnly day, string silo);
}

/// <summary>What a silo asking for a day is told.</summary>
public enum DayClaim
{
    /// <summary>This silo evaluates the day now and reports completion.</summary>
    Claimed,

    /// <summary>Another silo holds a live lease on the day: ask again later.</summary>
    InProgressElsewhere,

    /// <summary>The day (or a later one) has been evaluated.</summary>
    Done,
}
