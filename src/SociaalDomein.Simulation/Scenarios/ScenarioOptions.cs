using SociaalDomein.Simulation.Region;

namespace SociaalDomein.Simulation.Scenarios;

/// <summary>What to simulate. The same options always produce the same scenario.</summary>
public sealed record ScenarioOptions
{
    public int Seed { get; init; } = 20260101;

    /// <summary>The calendar year simulated; every simulated month lies in it (declarations for December go out in January).</summary>
    public int Year { get; init; } = 2026;

    /// <summary>The first month of care that is declared (1 = January).</summary>
    public int FirstMonth { get; init; } = 1;

    /// <summary>Number of months of care declared, starting at <see cref="FirstMonth"/>; they must stay within <see cref="Year"/>.</summary>
    public int Months { get; init; } = 6;

    public int ProviderCount { get; init; } = 30;

    /// <summary>
    /// The number each municipality gives its first allocation; the rest follow on. Scenarios of successive years start
    /// each year above the last year's numbers, as a municipality never gives one number to two allocations.
    /// </summary>
    public long FirstToewijzingNummer { get; init; } = 100_001;

    /// <summary>
    /// Fraction of the region's annual iJw spend (<see cref="RegionProfile.AnnualCareInKindCents"/> × Jeugd share) to
    /// simulate. The default 0.1 (≈ €11.4 M per year) gives a demo of a few thousand declaration lines; 1.0 with 300
    /// providers is the whole region (≈ 9 500 lines a month). Realised spend lands within about 10 % of the plan.
    /// </summary>
    public decimal SpendScale { get; init; } = 0.1m;

    public RegionProfile Region { get; init; } = RegionProfile.Nijmegen;

    public QualityNoise Noise { get; init; } = QualityNoise.Default;

    /// <summary>
    /// The requests, answers, start/stop and declaration-answer messages around the 301s and 323s. Off by default, so
    /// <see cref="Demo"/> and <see cref="FullRegion"/> keep their figures; <see cref="DemoFullTraffic"/> has it on.
    /// </summary>
    public LifecycleTraffic Lifecycle { get; init; } = LifecycleTraffic.None;

    /// <summary>The demo: 30 providers, 6 months, a tenth of the region's youth-care spend.</summary>
    public static ScenarioOptions Demo { get; } = new();

    /// <summary>
    /// The demo with the whole message traffic of a region (315, 317, 319, 305, 307 and 325 besides 301 and 323): the same
    /// plan, allocations and declaration lines as <see cref="Demo"/>, plus <see cref="LifecycleTraffic.Default"/>.
    /// </summary>
    public static ScenarioOptions DemoFullTraffic { get; } = new() { Lifecycle = LifecycleTraffic.Default };

    /// <summary>The whole region for a whole year: 300 providers, all of its youth-care spend.</summary>
    public static ScenarioOptions FullRegion { get; } = new() { ProviderCount = 300, SpendScale = 1m, Months = 12 };

    /// <summary>First day of the first simulated month.</summary>
    public DateOnly PeriodStart => new(Year, FirstMonth, 1);

    /// <summary>Last day of the last simulated month.</summary>
    public DateOnly PeriodEnd => PeriodStart.AddMonths(Months).AddDays(-1);

    internal void Validate()
    {
        if (Year is < 2021 or > 2099) throw new ArgumentOutOfRangeException(nameof(Year), Year, "Release 3.x messages start in 2021.");
        if (FirstMonth is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(FirstMonth), FirstMonth, "Must be 1–12.");
        if (Months < 1 || FirstMonth + Months - 1 > 12)
            throw new ArgumentOutOfRangeException(nameof(Months), Months, "Must be at least 1 and end within the year.");
        if (ProviderCount is < 1 or > 100_000) throw new ArgumentOutOfRangeException(nameof(ProviderCount), ProviderCount, "Must be 1–100 000.");
        if (FirstToewijzingNummer is < 1 or > 999_000_000)
            throw new ArgumentOutOfRangeException(nameof(FirstToewijzingNummer), FirstToewijzingNummer,
                "Must be 1–999 000 000: a ToewijzingNummer has at most 9 digits.");
        if (SpendScale <= 0) throw new ArgumentOutOfRangeException(nameof(SpendScale), SpendScale, "Must be positive.");
        if (Region.Municipalities.Count == 0) throw new ArgumentException("The region has no municipalities.", nameof(Region));
        Noise.Validate();
        Lifecycle.Validate();
    }
}
