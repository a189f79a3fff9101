using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Tests.Rules;

public sealed class DutchWorkingDaysTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static TheoryData<int, DateOnly[]> HolidaysPerYear => new()
    {
        { 2024, [D(2024, 1, 1), D(2024, 3, 29), D(2024, 4, 1), D(2024, 4, 27), D(2024, 5, 5), D(2024, 5, 9), D(2024, 5, 20), D(2024, 12, 25), D(2024, 12, 26)] },
        { 2025, [D(2025, 1, 1), D(2025, 4, 18), D(2025, 4, 21), D(2025, 4, 26), D(2025, 5, 5), D(2025, 5, 29), D(2025, 6, 9), D(2025, 12, 25), D(2025, 12, 26)] },
        { 2026, [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 4, 27), D(2026, 5, 5), D(2026, 5, 14), D(2026, 5, 25), D(2026, 12, 25), D(2026, 12, 26)] },
        { 2027, [D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 4, 27), D(2027, 5, 5), D(2027, 5, 6), D(2027, 5, 17), D(2027, 12, 25), D(2027, 12, 26)] },
    };

    [Theory]
    [MemberData(nameof(HolidaysPerYear))]
    public void The_holidays_are_those_of_the_Algemene_termijnenwet(int year, DateOnly[] expected)
    {
        Assert.Equal(expected, DutchWorkingDays.PublicHolidays(year));
    }

    [Theory]
    [InlineData(2024, 255)] // 262 weekdays, 7 holidays on a weekday (Koningsdag and 5 May on the weekend)
    [InlineData(2025, 253)] // 261 weekdays, 8 (Koningsdag moved to Saturday 26 April)
    [InlineData(2026, 253)] // 261 weekdays, 8 (Tweede Kerstdag on a Saturday)
    [InlineData(2027, 254)] // 261 weekdays, 7 (both Christmas days on the weekend)
    public void A_year_has_this_many_working_days(int year, int workingDays)
    {
        Assert.Equal(workingDays, DutchWorkingDays.WorkingDaysBetween(D(year - 1, 12, 31), D(year, 12, 31)));
        var counted = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Count(i => DutchWorkingDays.IsWorkingDay(D(year, 1, 1).AddDays(i)));
        Assert.Equal(workingDays, counted);
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)] // the latest possible date
    [InlineData(2285, 3, 22)] // the earliest possible date
    public void Easter_Sunday_follows_the_computus(int year, int month, int day)
    {
        Assert.Equal(D(year, month, day), DutchWorkingDays.EasterSunday(year));
    }

    [Fact]
    public void Bevrijdingsdag_is_a_holiday_every_year_not_only_every_fifth()
    {
        Assert.False(DutchWorkingDays.IsWorkingDay(D(2026, 5, 5))); // a Tuesday
        Assert.False(DutchWorkingDays.IsWorkingDay(D(2027, 5, 5))); // a Wednesday
    }

    [Fact]
    public void Goede_Vrijdag_is_not_a_working_day_for_legal_terms()
    {
        Assert.False(DutchWorkingDays.IsWorkingDay(D(2026, 4, 3)));
    }

    [Fact]
    public void Koningsdag_moves_to_Saturday_when_27_April_is_a_Sunday()
    {
        Assert.Equal(D(2025, 4, 26), DutchWorkingDays.KingsDay(2025));
        Assert.True(DutchWorkingDays.IsWorkingDay(D(2025, 4, 28))); // the Monday after is an ordinary working day
    }

    [Theory]
    [InlineData("2026-04-02", 3, "2026-04-09")]  // Thursday before Easter: Goede Vrijdag, weekend and Tweede Paasdag skipped
    [InlineData("2026-04-24", 3, "2026-04-30")]  // Friday before Koningsdag (Monday 27 April)
    [InlineData("2025-12-24", 3, "2025-12-31")]  // Christmas
    [InlineData("2026-01-03", 1, "2026-01-05")]  // from a Saturday: the start day never counts
    [InlineData("2026-04-24", 10, "2026-05-12")] // a 325 term across Koningsdag and Bevrijdingsdag
    [InlineData("2026-04-07", -1, "2026-04-02")] // backwards across Easter
    [InlineData("2026-04-04", 0, "2026-04-04")]  // zero days: the date itself, even on a Saturday
    public void Adding_working_days_skips_weekends_and_holidays(string from, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), DutchWorkingDays.AddWorkingDays(DateOnly.Parse(from), days));
    }

    [Fact]
    public void Working_days_between_counts_after_the_first_day_up_to_and_including_the_last()
    {
        Assert.Equal(3, DutchWorkingDays.WorkingDaysBetween(D(2026, 4, 2), D(2026, 4, 9)));
        Assert.Equal(-3, DutchWorkingDays.WorkingDaysBetween(D(2026, 4, 9), D(2026, 4, 2)));
        Assert.Equal(0, DutchWorkingDays.WorkingDaysBetween(D(2026, 4, 3), D(2026, 4, 6))); // Goede Vrijdag to Tweede Paasdag
        Assert.Equal(0, DutchWorkingDays.WorkingDaysBetween(D(2026, 4, 9), D(2026, 4, 9)));
    }

    [Fact]
    public void Working_days_between_is_the_inverse_of_adding_them_for_every_day_of_2024_to_2027()
    {
        for (var date = D(2024, 1, 1); date <= D(2027, 12, 31); date = date.AddDays(1))
        {
            foreach (var n in new[] { 0, 1, 3, 5, 10, 25 })
                Assert.Equal(n, DutchWorkingDays.WorkingDaysBetween(date, DutchWorkingDays.AddWorkingDays(date, n)));
        }
    }

    [Theory]
    [InlineData("2026-03-28T23:30:00Z", "2026-03-29")] // winter time, UTC+1
    [InlineData("2026-06-30T22:30:00Z", "2026-07-01")] // summer time, UTC+2
    [InlineData("2026-06-30T21:59:59Z", "2026-06-30")]
    public void A_day_is_the_calendar_day_in_Amsterdam(string instant, string day)
    {
        Assert.Equal(DateOnly.Parse(day), AmsterdamDay.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
