namespace SociaalDomein.Monitoring.Rules.Lifecycle;

/// <summary>
/// The alert lifecycle, the same for every kind: raised when a condition begins to hold, updated while it holds and its
/// figures or severity change, resolved when it no longer holds. Observing the same facts again changes nothing, and a
/// condition that holds again after it was resolved is a new occurrence with a new id.
/// </summary>
public static class AlertLifecycle
{
    /// <summary>Applies one observation; returns the change it makes, or null when it makes none.</summary>
    public static AlertTransition? Observe(AlertLifecycleState state, AlertObservation observation)
    {
        var subject = observation.Subject;
        state.Tracks.TryGetValue(subject.Key, out var track);

        if (observation.Holds)
        {
            if (track is null)
            {
                track = new AlertTrack { Year = subject.Year };
                state.Tracks[subject.Key] = track;
            }
            if (!track.Active)
            {
                track.Active = true;
                track.Occurrence++;
                return Record(track, AlertChange.Raised, observation);
            }
            if (track.Figures != observation.Figures || track.Severity != observation.Severity)
                return Record(track, AlertChange.Updated, observation);
            return null;
        }

        if (track is not { Active: true }) return null;
        track.Active = false;
        return Record(track, AlertChange.Resolved, observation);
    }

    /// <summary>Applies observations in order; returns the changes they make.</summary>
    public static IReadOnlyList<AlertTransition> ObserveAll(AlertLifecycleState state, IEnumerable<AlertObservation> observations)
    {
        var transitions = new List<AlertTransition>();
        foreach (var observation in observations)
        {
            if (Observe(state, observation) is { } transition) transitions.Add(transition);
        }
        return transitions;
    }

    /// <summary>
    /// Resolves the active alert of a subject that is no longer evaluated at all (a ceiling was withdrawn), with the
    /// figures it was last reported with; null when it is not active.
    /// </summary>
    public static AlertTransition? Withdraw(AlertLifecycleState state, AlertSubject subject)
    {
        if (!state.Tracks.TryGetValue(subject.Key, out var track) || !track.Active) return null;
        track.Active = false;
        track.Revision++;
        return new AlertTransition(AlertChange.Resolved, subject.AlertId(track.Occurrence), subject, track.Occurrence,
            track.Figures!, track.Severity!, track.Revision);
    }

    /// <summary>
    /// Drops inactive tracks of years before <paramref name="year"/>, to keep the state small once those years are
    /// closed. Only for years that can no longer change: a dropped subject that holds again would reuse occurrence 1.
    /// </summary>
    public static int ForgetInactiveBefore(AlertLifecycleState state, int year)
    {
        var stale = state.Tracks.Where(kv => !kv.Value.Active && kv.Value.Year < year).Select(kv => kv.Key).ToList();
        foreach (var key in stale) state.Tracks.Remove(key);
        return stale.Count;
    }

    private static AlertTransition Record(AlertTrack track, AlertChange change, AlertObservation observation)
    {
        track.Figures = observation.Figures;
        track.Severity = observation.Severity;
        track.Revision = change == AlertChange.Raised ? 1 : track.Revision + 1;
        return new AlertTransition(change, observation.Subject.AlertId(track.Occurrence), observation.Subject, track.Occurrence,
            observation.Figures, observation.Severity, track.Revision);
    }
}
