using SociaalDomein.Simulation.Calendar;

namespace SociaalDomein.Simulation.Tests;

public sealed class DutchWorkingDaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    public void Easter_Sunday(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DutchWorkingDays.EasterSunday(year));

    [Theory]
    [InlineData(2026, 1, 1)]   // Nieuwjaarsdag
    [InlineData(2026, 4, 6)]   // Tweede Paasdag
    [InlineData(2026, 4, 27)]  // Koningsdag
    [InlineData(2025, 4, 26)]  // Koningsdag moves to Saturday when the 27th is a Sunday
    [InlineData(2025, 5, 5)]   // Bevrijdingsdag in a lustrum year
    [InlineData(2026, 5, 14)]  // Hemelvaartsdag
    [InlineData(2026, 5, 25)]  // Tweede Pinksterdag
    [InlineData(2026, 12, 25)]
    [InlineData(2026, 12, 26)]
    public void Public_holidays(int year, int month, int day) =>
        Assert.True(DutchWorkingDays.IsPublicHoliday(new DateOnly(year, month, day)));

    [Fact]
    public void Bevrijdingsdag_outside_a_lustrum_year_is_a_working_day() =>
        Assert.True(DutchWorkingDays.IsWorkingDay(new DateOnly(2026, 5, 5)));

    [Fact]
    public void The_tenth_working_day_of_January_2026_is_the_15th()
    {
        Assert.Equal(new DateOnly(2026, 1, 2), DutchWorkingDays.NthWorkingDay(2026, 1, 1));
        Assert.Equal(new DateOnly(2026, 1, 15), DutchWorkingDays.NthWorkingDay(2026, 1, 10));
    }

    [Fact]
    public void May_2026_has_19_working_days()
    {
        var days = Enumerable.Range(1, 31).Count(d => DutchWorkingDays.IsWorkingDay(new DateOnly(2026, 5, d)));

        Assert.Equal(19, days);
        Assert.Equal(new DateOnly(2026, 6, 1), DutchWorkingDays.NthWorkingDay(2026, 5, 20));
    }

    [Fact]
    public void On_or_before_steps_back_over_a_weekend_and_a_holiday() =>
        Assert.Equal(new DateOnly(2026, 4, 3), DutchWorkingDays.OnOrBefore(new DateOnly(2026, 4, 6)));
}
