using SociaalDomein.Monitoring.Budget;

namespace SociaalDomein.LoadTests.Production;

/// <summary>
/// The pipeline's "today" in a run of several simulated years: the latest Dagtekening produced, never going back. Years
/// replayed in minutes then pass for the rules as they would in production — lead times run out, forecasts move, and
/// years become settled, so what a grain may forget is forgotten. (Against the real date the replayed years would all
/// lie in the future and nothing would ever settle.)
/// </summary>
public sealed class TrafficDay(DateOnly start) : IMonitoringDay
{
    private int _dayNumber = start.DayNumber;

    public DateOnly Today => DateOnly.FromDayNumber(Volatile.Read(ref _dayNumber));

    public void Advance(DateOnly day)
    {
        var current = Volatile.Read(ref _dayNumber);
        while (day.DayNumber > current)
        {
            var seen = Interlocked.CompareExchange(ref _dayNumber, day.DayNumber, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
