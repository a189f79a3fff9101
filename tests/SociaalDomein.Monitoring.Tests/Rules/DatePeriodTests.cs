using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Tests.Rules;

public sealed class DatePeriodTests
{
    private static DatePeriod P(string begin, string end) => new(DateOnly.Parse(begin), DateOnly.Parse(end));

    [Theory]
    [InlineData("2025-10-07", "2025-10-31", 4)]  // weeks 41–44
    [InlineData("2025-11-01", "2025-11-30", 5)]  // weeks 44–48
    [InlineData("2025-12-01", "2025-12-30", 5)]  // weeks 49–52 and week 1 of 2026
    [InlineData("2025-10-07", "2025-12-30", 13)] // the whole allocation of IV077's example
    [InlineData("2026-02-01", "2026-02-28", 5)]  // a Sunday to a Saturday
    [InlineData("2026-03-02", "2026-03-08", 1)]  // exactly one week
    public void Calendar_weeks_touched_count_broken_weeks(string begin, string end, int weeks)
    {
        Assert.Equal(weeks, P(begin, end).CalendarWeeksTouched);
    }

    [Theory]
    [InlineData("2025-07-07", "2025-07-31", 3)]
    [InlineData("2025-08-01", "2025-08-31", 5)]
    [InlineData("2025-09-01", "2025-09-05", 0)]
    [InlineData("2025-10-01", "2025-10-31", 4)]
    [InlineData("2026-03-01", "2026-03-01", 1)]
    public void Sundays_are_counted_inclusively(string begin, string end, int sundays)
    {
        Assert.Equal(sundays, P(begin, end).Sundays);
    }

    [Fact]
    public void Periods_intersect_on_their_shared_days_or_not_at_all()
    {
        Assert.Equal(P("2026-02-16", "2026-02-28"), P("2026-02-01", "2026-02-28").Intersect(P("2026-02-16", "2026-12-31")));
        Assert.Null(P("2026-01-01", "2026-01-31").Intersect(P("2026-02-01", "2026-02-28")));
        Assert.Equal(3, P("2026-01-15", "2026-03-01").MonthsTouched);
        Assert.Equal(365, P("2026-01-01", "2026-12-31").Days);
    }

    [Fact]
    public void A_period_cannot_end_before_it_begins()
    {
        Assert.Throws<ArgumentException>(() => P("2026-02-02", "2026-02-01"));
    }
}
