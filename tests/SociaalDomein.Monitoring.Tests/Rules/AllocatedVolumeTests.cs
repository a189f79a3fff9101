using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Rules.AllocationChecks;
using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Tests.Rules;

/// <summary>The examples of IV077 (maximum volume for a weekly allocation), and the other frequencies.</summary>
public sealed class AllocatedVolumeTests
{
    private static AllocationSnapshot Weekly(string begin, string? end, long volume, string eenheid, Uitvoeringsvariant variant,
        Standard standard = Standard.IWmo, string category = "02") =>
        new(standard, 7, category, null, DateOnly.Parse(begin), end is null ? null : DateOnly.Parse(end),
            volume, eenheid, OmvangCodes.PerWeek, null, Uitvoeringsvariant: variant);

    [Fact]
    public void Inspanningsgericht_3_hours_a_week_from_7_October_to_30_December_2025()
    {
        var allocation = Weekly("2025-10-07", "2025-12-30", 3, OmvangCodes.Uur, Uitvoeringsvariant.Inspanningsgericht);

        Assert.Equal(12, AllocatedVolume.ForMonth(allocation, new ServiceMonth(2025, 10)));
        Assert.Equal(15, AllocatedVolume.ForMonth(allocation, new ServiceMonth(2025, 11)));
        Assert.Equal(15, AllocatedVolume.ForMonth(allocation, new ServiceMonth(2025, 12)));
        Assert.Equal(39, AllocatedVolume.OverWholePeriod(allocation));
    }

    [Fact]
    public void Outputgericht_300_euro_a_week_from_7_July_to_5_September_2025_puts_the_broken_last_week_in_August()
    {
        var allocation = Weekly("2025-07-07", "2025-09-05", 30_000, OmvangCodes.Euro, Uitvoeringsvariant.Outputgericht);

        Assert.Equal(90_000, AllocatedVolume.ForMonth(allocation, new ServiceMonth(2025, 7)));
        Assert.Equal(180_000, AllocatedVolume.ForMonth(allocation, new ServiceMonth(2025, 8)));
        Assert.Equal(0, AllocatedVolume.ForMonth(allocation, new ServiceMonth(2025, 9)));
        Assert.Equal(270_000, AllocatedVolume.OverWholePeriod(allocation));
    }

    [Fact]
    public void Outputgericht_ending_on_a_Sunday_has_no_extra_week()
    {
        var allocation = Weekly("2025-10-01", "2025-12-28", 30_000, OmvangCodes.Euro, Uitvoeringsvariant.Outputgericht);

        Assert.Equal(4 * 30_000, AllocatedVolume.ForMonth(allocation, new ServiceMonth(2025, 12)));
        Assert.Equal(13 * 30_000, AllocatedVolume.OverWholePeriod(allocation));
    }

    [Fact]
    public void Wmo_household_help_allows_six_weekly_volumes_in_any_month()
    {
        var huishoudelijkeHulp = Weekly("2026-02-16", "2026-12-31", 3, OmvangCodes.Uur, Uitvoeringsvariant.Inspanningsgericht, category: "01");
        var jeugdhulp = huishoudelijkeHulp with { Standard = Standard.IJw };

        Assert.Equal(18, AllocatedVolume.ForMonth(huishoudelijkeHulp, new ServiceMonth(2026, 2)));
        Assert.Equal(6, AllocatedVolume.ForMonth(jeugdhulp, new ServiceMonth(2026, 2)));
    }

    [Fact]
    public void A_monthly_allocation_allows_its_volume_in_every_month_it_touches()
    {
        var dagbesteding = new AllocationSnapshot(Standard.IWmo, 7, "07", "07A01", new DateOnly(2026, 1, 15), new DateOnly(2026, 4, 14),
            10, OmvangCodes.Dagdeel, OmvangCodes.PerMaand, null);

        Assert.Equal(10, AllocatedVolume.ForMonth(dagbesteding, new ServiceMonth(2026, 1)));
        Assert.Equal(0, AllocatedVolume.ForMonth(dagbesteding, new ServiceMonth(2026, 5)));
        Assert.Equal(40, AllocatedVolume.OverWholePeriod(dagbesteding));
    }

    [Fact]
    public void An_open_ended_weekly_allocation_has_only_a_monthly_maximum()
    {
        var open = Weekly("2026-01-05", null, 4, OmvangCodes.Uur, Uitvoeringsvariant.Inspanningsgericht);

        Assert.Equal(24, AllocatedVolume.ForMonth(open, new ServiceMonth(2026, 3)));
        Assert.Null(AllocatedVolume.OverWholePeriod(open));
    }

    [Fact]
    public void A_budget_allocation_has_no_volume_maximum()
    {
        var budget = new AllocationSnapshot(Standard.IJw, 7, "45", null, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, null, null, 500_000);

        Assert.Null(AllocatedVolume.ForMonth(budget, new ServiceMonth(2026, 3)));
        Assert.Null(AllocatedVolume.OverWholePeriod(budget));
    }
}
