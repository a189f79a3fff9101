using SociaalDomein.Simulation.Region;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Tests;

public sealed class RegionAndCeilingsTests
{
    [Fact]
    public void Regio_Nijmegen_has_seven_municipalities_whose_cost_split_adds_up_to_100_percent()
    {
        var region = RegionProfile.Nijmegen;

        Assert.Equal(
            [("1945", 1129), ("0209", 708), ("0225", 584), ("0252", 432), ("0944", 184), ("0268", 5757), ("0296", 1206)],
            region.Municipalities.Select(m => (m.CbsCode, m.CostShareBasisPoints)));
        Assert.Equal(10_000, region.Municipalities.Sum(m => m.CostShareBasisPoints));
        Assert.Equal("Nijmegen", region["0268"].Name);
        Assert.False(region["0296"].JoinsEveryContract);
        Assert.Equal(114_000_000_00, region.AnnualCareInKindCents * region.JeugdShareBasisPoints / 10_000);
    }

    [Fact]
    public void Ceilings_csv_has_euros_with_two_decimals_and_an_empty_category_for_all_categories()
    {
        var writer = new StringWriter();

        ScenarioCeiling.WriteCsv(
            [new("0268", "99000012", 2026, 1_234_567_89), new("0944", "99000012", 2026, 5, "45"), new("0209", "99123456", 2026, 20_000_00)],
            writer);

        Assert.Equal(
            "municipality,provider,year,ceiling_eur,category\n" +
            "0268,99000012,2026,1234567.89,\n" +
            "0944,99000012,2026,0.05,45\n" +
            "0209,99123456,2026,20000.00,\n",
            writer.ToString());
    }

    [Fact]
    public void The_demo_plans_a_tenth_of_the_regions_youth_care_spend_over_30_providers_with_the_largest_first()
    {
        var generator = new ScenarioGenerator(ScenarioOptions.Demo);
        var planned = generator.Providers.Select(p => p.PlannedAnnualCents).ToList();

        Assert.Equal(30, generator.Providers.Count);
        Assert.InRange(planned.Sum(), 11_400_000_00 - 30, 11_400_000_00 + 30);
        Assert.Equal(Enumerable.Range(1, 30), generator.Providers.Select(p => p.Rank));
        Assert.True(planned.Take(5).Sum() > planned.Sum() / 2 * 0.9, "the five largest take about half");
        Assert.Equal(30, generator.Providers.Select(p => p.Agb).Distinct().Count());
        Assert.Equal(30, generator.Providers.Select(p => p.Name).Distinct().Count());
        Assert.All(generator.Providers, p => Assert.Equal(1.0, p.Products.Sum(s => s.Share), 9));
    }

    [Fact]
    public void In_the_full_region_the_20_largest_of_300_providers_take_60_to_70_percent()
    {
        var providers = new ScenarioGenerator(ScenarioOptions.FullRegion).Providers;
        double total = providers.Sum(p => p.PlannedAnnualCents);

        var top20 = providers.OrderByDescending(p => p.PlannedAnnualCents).Take(20).Sum(p => p.PlannedAnnualCents) / total;

        Assert.InRange(top20, 0.60, 0.70);
        Assert.InRange(providers.Max(p => p.PlannedAnnualCents), 4_000_000_00, 15_000_000_00);
    }

    [Fact]
    public void Options_that_leave_the_year_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScenarioGenerator(ScenarioOptions.Demo with { FirstMonth = 10, Months = 6 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScenarioGenerator(ScenarioOptions.Demo with { Noise = QualityNoise.Default with { ResentShare = 1.5 } }));
    }
}
