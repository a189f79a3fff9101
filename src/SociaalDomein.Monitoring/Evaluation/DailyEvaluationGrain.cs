namespace SociaalDomein.Monitoring.Evaluation;

/// <summary>
/// Holds the day last evaluated and the current lease in memory only: if the grain is lost with its silo, the worst
/// that happens is that a day is evaluated twice, which changes nothing (evaluating the same day again is idempotent).
/// </summary>
public sealed class DailyEvaluationGrain(TimeProvider clock) : Grain, IDailyEvaluationGrain
{
    private DateOnly? _done;
    private DateOnly? _claimedDay;
    private string? _claimedBy;
    private DateTimeOffset _leaseUntil;

    public Task<DayClaim> TryClaimAsync(DateOnly day, string silo, TimeSpan lease)
    {
        if (_done >= day) return Task.FromResult(DayClaim.Done);
        var now = clock.GetUtcNow();
        if (_claimedDay == day && _claimedBy != silo && now < _leaseUntil) return Task.FromResult(DayClaim.InProgressElsewhere);
        (_claimedDay, _claimedBy, _leaseUntil) = (day, silo, now + lease);
        return Task.FromResult(DayClaim.Claimed);
    }

    public Task CompleteAsync(DateOnly day, string silo)
    {
        if (_done is null || _done < day) _done = day;
        if (_claimedDay == day) (_claimedDay, _claimedBy) = (null, null);
        return Task.CompletedTask;
    }
}
