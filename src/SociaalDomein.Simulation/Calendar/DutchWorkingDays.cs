namespace SociaalDomein.Simulation.Calendar;

/// <summary>
/// Working days in the Netherlands: Monday–Friday except the national public holidays, which is what the
/// standard's lead times ("within 10 working days") count in.
/// </summary>
public static class DutchWorkingDays
{
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(date);

    /// <summary>
    /// Nieuwjaarsdag, Tweede Paasdag, Koningsdag, Bevrijdingsdag (lustrum years only, when most employers give it),
    /// Hemelvaartsdag, Tweede Pinksterdag and both Christmas days.
    /// </summary>
    public static bool IsPublicHoliday(DateOnly date)
    {
        if (date is { Month: 1, Day: 1 } or { Month: 12, Day: 25 } or { Month: 12, Day: 26 }) return true;
        if (date == KingsDay(date.Year)) return true;
        if (date is { Month: 5, Day: 5 } && date.Year % 5 == 0) return true;

        var easter = EasterSunday(date.Year);
        return date == easter.AddDays(1) || date == easter.AddDays(39) || date == easter.AddDays(50);
    }

    /// <summary>The <paramref name="n"/>-th working day (1-based) of a month; may run into the next month for large n.</summary>
    public static DateOnly NthWorkingDay(int year, int month, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var date = new DateOnly(year, month, 1).AddDays(-1);
        for (var found = 0; found < n;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) found++;
        }
        return date;
    }

    /// <summary>The date itself when it is a working day, otherwise the working day before it.</summary>
    public static DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(-1);
        return date;
    }

    /// <summary>The date itself when it is a working day, otherwise the first working day after it.</summary>
    public static DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="date"/> (n ≥ 1), or <paramref name="date"/> itself for 0:
    /// the last day a message is on time when the standard allows "n working days" after <paramref name="date"/>.
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        for (var found = 0; found < n;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) found++;
        }
        return date;
    }

    /// <summary>The <paramref name="n"/>-th working day before <paramref name="date"/> (n ≥ 1), or the date itself for 0.</summary>
    public static DateOnly SubtractWorkingDays(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        for (var found = 0; found < n;)
        {
            date = date.AddDays(-1);
            if (IsWorkingDay(date)) found++;
        }
        return date;
    }

    /// <summary>27 April, or 26 April when the 27th is a Sunday.</summary>
    private static DateOnly KingsDay(int year)
    {
        var day = new DateOnly(year, 4, 27);
        return day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(-1) : day;
    }

    /// <summary>Gregorian Easter Sunday (anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
