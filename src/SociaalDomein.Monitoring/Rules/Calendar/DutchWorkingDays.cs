namespace SociaalDomein.Monitoring.Rules.Calendar;

/// <summary>
/// Working days ("werkdagen") as the lead times of the iStandaarden count them: Monday to Friday, except the
/// "algemeen erkende feestdagen" of the Algemene termijnenwet (BWBR0002448), art. 3.
/// </summary>
/// <remarks>
/// The iStandaarden set their terms in working days (OP090: a retour within three working days) without a holiday
/// list of their own, so the government's list for legal terms applies: Nieuwjaarsdag, Goede Vrijdag (art. 3 lid 2),
/// Tweede Paasdag, Koningsdag, 5 mei (every year, unlike the collective labour agreements that give it every fifth
/// year), Hemelvaartsdag, Tweede Pinksterdag and both Christmas days. Easter Sunday and Whit Sunday are Sundays anyway.
/// This differs on purpose from the simulation's own calendar, which models when providers actually send messages.
/// </remarks>
public static class DutchWorkingDays
{
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(date);

    public static bool IsPublicHoliday(DateOnly date)
    {
        foreach (var holiday in PublicHolidays(date.Year))
            if (holiday == date) return true;
        return false;
    }

    /// <summary>The holidays of a year in date order, including those that fall in a weekend.</summary>
    public static IReadOnlyList<DateOnly> PublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new DateOnly(year, 1, 1),   // Nieuwjaarsdag
            easter.AddDays(-2),         // Goede Vrijdag
            easter.AddDays(1),          // Tweede Paasdag
            KingsDay(year),             // Koningsdag
            new DateOnly(year, 5, 5),   // Bevrijdingsdag
            easter.AddDays(39),         // Hemelvaartsdag
            easter.AddDays(50),         // Tweede Pinksterdag
            new DateOnly(year, 12, 25), // Eerste Kerstdag
            new DateOnly(year, 12, 26), // Tweede Kerstdag
        ];
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="date"/> (before it when negative).
    /// The start day itself never counts, working day or not: a message received on a Saturday has its first working
    /// day on Monday. Zero returns the date unchanged.
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        var step = Math.Sign(workingDays);
        for (var remaining = Math.Abs(workingDays); remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date)) remaining--;
        }
        return date;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>; the negated count the
    /// other way round when <paramref name="to"/> lies before <paramref name="from"/>. The inverse of
    /// <see cref="AddWorkingDays"/> for n ≥ 0: <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>.
    /// </summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = (int)(WeekdaysUpTo(to) - WeekdaysUpTo(from));
        for (var year = from.Year; year <= to.Year; year++)
        {
            foreach (var holiday in PublicHolidays(year))
            {
                if (holiday > from && holiday <= to && holiday.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    count--;
            }
        }
        return count;
    }

    /// <summary>27 April, or Saturday 26 April when the 27th is a Sunday.</summary>
    public static DateOnly KingsDay(int year)
    {
        var day = new DateOnly(year, 4, 27);
        return day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(-1) : day;
    }

    /// <summary>Gregorian Easter Sunday by the computus (anonymous Gregorian algorithm of Meeus/Jones/Butcher).</summary>
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

    /// <summary>Monday–Friday days from 0001-01-01 (a Monday) up to and including <paramref name="date"/>.</summary>
    private static long WeekdaysUpTo(DateOnly date)
    {
        long days = date.DayNumber + 1;
        return days / 7 * 5 + Math.Min(days % 7, 5);
    }
}
