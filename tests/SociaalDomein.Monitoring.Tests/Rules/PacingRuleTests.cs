using SociaalDomein.Monitoring.Rules.Pacing;

namespace SociaalDomein.Monitoring.Tests.Rules;

public sealed class PacingRuleTests
{
    private const long Ceiling = 100_000_000; // € 1 000 000

    [Fact]
    public void On_31_March_2026_ninety_of_365_days_have_elapsed_and_the_pace_allows_110_percent_of_that_share()
    {
        var atLimit = PacingRule.Evaluate(2026, 27_123_287, Ceiling, new DateOnly(2026, 3, 31));

        Assert.Equal((90, 365, 24_657_534L, 27_123_287L, false),
            (atLimit.ElapsedDays, atLimit.DaysInYear, atLimit.ExpectedCents, atLimit.AllowedCents, atLimit.Holds));
        Assert.True(PacingRule.Evaluate(2026, 27_123_288, Ceiling, new DateOnly(2026, 3, 31)).Holds); // one cent more
    }

    [Fact]
    public void The_as_of_day_counts_as_a_whole_day()
    {
        Assert.Equal(1, PacingRule.Evaluate(2026, 0, Ceiling, new DateOnly(2026, 1, 1)).ElapsedDays);
    }

    [Fact]
    public void A_leap_year_has_366_days_and_at_its_end_the_whole_ceiling_times_the_tolerance_is_allowed()
    {
        var yearEnd = PacingRule.Evaluate(2024, 110_000_000, Ceiling, new DateOnly(2024, 12, 31));

        Assert.Equal((366, 366, 110_000_000L, false), (yearEnd.ElapsedDays, yearEnd.DaysInYear, yearEnd.AllowedCents, yearEnd.Holds));
        Assert.True(PacingRule.Evaluate(2024, 110_000_001, Ceiling, new DateOnly(2024, 12, 31)).Holds);
        Assert.Equal(366, PacingRule.Evaluate(2024, 0, Ceiling, new DateOnly(2025, 6, 1)).ElapsedDays);
    }

    [Fact]
    public void Before_the_year_begins_any_spend_is_ahead_of_pace()
    {
        Assert.False(PacingRule.Evaluate(2026, 0, Ceiling, new DateOnly(2025, 12, 31)).Holds);
        Assert.True(PacingRule.Evaluate(2026, 1, Ceiling, new DateOnly(2025, 12, 31)).Holds);
    }

    [Fact]
    public void The_tolerance_is_configurable()
    {
        var noTolerance = PacingRule.Evaluate(2026, 24_657_535, Ceiling, new DateOnly(2026, 3, 31), tolerance: 1.0m);

        Assert.Equal((24_657_534L, true), (noTolerance.AllowedCents, noTolerance.Holds));
    }

    [Fact]
    public void A_ceiling_of_400_million_euro_is_paced_exactly()
    {
        var big = PacingRule.Evaluate(2026, 21_819_178_082, 40_000_000_000, new DateOnly(2026, 6, 30));

        Assert.Equal((181, 21_819_178_082L, false), (big.ElapsedDays, big.AllowedCents, big.Holds));
        Assert.True(PacingRule.Evaluate(2026, 21_819_178_083, 40_000_000_000, new DateOnly(2026, 6, 30)).Holds);
    }
}
