namespace SociaalDomein.Monitoring.Rules.Calendar;

/// <summary>The Dutch calendar day (Europe/Amsterdam) of an instant: the "day" every rule counts in.</summary>
public static class AmsterdamDay
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Amsterdam).DateTime);
}
