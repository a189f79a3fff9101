namespace SociaalDomein.Monitoring.Rules.Calendar;

/// <summary>An inclusive range of calendar days (a ProductPeriode, an allocation period, a month).</summary>
[GenerateSerializer, Immutable]
public readonly record struct DatePeriod
{
    public DatePeriod(DateOnly begin, DateOnly end)
    {
        if (end < begin) throw new ArgumentException($"A period cannot end ({end:yyyy-MM-dd}) before it begins ({begin:yyyy-MM-dd}).", nameof(end));
        Begin = begin;
        End = end;
    }

    [Id(0)] public DateOnly Begin { get; }
    [Id(1)] public DateOnly End { get; }

    public int Days => End.DayNumber - Begin.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Begin && date <= End;

    /// <summary>The days both periods share, or null when they share none.</summary>
    public DatePeriod? Intersect(DatePeriod other)
    {
        var begin = Begin > other.Begin ? Begin : other.Begin;
        var end = End < other.End ? End : other.End;
        return end < begin ? null : new DatePeriod(begin, end);
    }

    /// <summary>
    /// ISO calendar weeks (Monday–Sunday) the period touches, broken weeks included: the "aantal kalenderweken"
    /// of IV077 (1 Oct–31 Dec 2025 touches weeks 40 up to week 1 of 2026: 14 weeks).
    /// </summary>
    public int CalendarWeeksTouched => (MondayOnOrBefore(End) - MondayOnOrBefore(Begin)) / 7 + 1;

    /// <summary>Sundays in the period: the weeks an outputgericht weekly allocation counts (IV077).</summary>
    public int Sundays => SundaysUpTo(End.DayNumber) - SundaysUpTo(Begin.DayNumber - 1);

    /// <summary>Calendar months the period touches (1 Jan–1 Feb touches 2).</summary>
    public int MonthsTouched => (End.Year - Begin.Year) * 12 + End.Month - Begin.Month + 1;

    public override string ToString() => $"{Begin:yyyy-MM-dd}..{End:yyyy-MM-dd}";

    // DayNumber 0 is Monday 0001-01-01, so DayNumber % 7 is 0 on Mondays and 6 on Sundays.
    private static int MondayOnOrBefore(DateOnly date) => date.DayNumber - date.DayNumber % 7;

    private static int SundaysUpTo(int dayNumber) => (dayNumber + 1) / 7;
}
