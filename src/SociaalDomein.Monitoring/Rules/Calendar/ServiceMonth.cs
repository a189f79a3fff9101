namespace SociaalDomein.Monitoring.Rules.Calendar;

/// <summary>A calendar month in which care was delivered: the bucket declarations are counted in (a 323 covers one month).</summary>
[GenerateSerializer, Immutable]
public readonly record struct ServiceMonth : IComparable<ServiceMonth>
{
    public ServiceMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    [Id(0)] public int Year { get; }
    [Id(1)] public int Month { get; }

    public static ServiceMonth Of(DateOnly date) => new(date.Year, date.Month);

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));
    public DatePeriod Period => new(FirstDay, LastDay);
    public int Days => DateTime.DaysInMonth(Year, Month);

    public ServiceMonth Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    public int CompareTo(ServiceMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(ServiceMonth left, ServiceMonth right) => left.CompareTo(right) < 0;
    public static bool operator >(ServiceMonth left, ServiceMonth right) => left.CompareTo(right) > 0;
    public static bool operator <=(ServiceMonth left, ServiceMonth right) => left.CompareTo(right) <= 0;
    public static bool operator >=(ServiceMonth left, ServiceMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
