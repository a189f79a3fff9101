namespace SociaalDomein.Api.Requests;

/// <summary>The budget year a request means when it names none: the current year on the Dutch calendar.</summary>
public static class BudgetYear
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static int Current(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).Year;
}
