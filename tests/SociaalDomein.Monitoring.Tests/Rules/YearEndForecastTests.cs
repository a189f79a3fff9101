using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Rules.AllocationChecks;
using SociaalDomein.Monitoring.Rules.Calendar;
using SociaalDomein.Monitoring.Rules.Forecasting;

namespace SociaalDomein.Monitoring.Tests.Rules;

public sealed class YearEndForecastTests
{
    private static readonly DateOnly April20 = new(2026, 4, 20);

    /// <summary>January–March 2026 fully declared (run rate € 11 000 a month), April partly.</summary>
    private static readonly Dictionary<ServiceMonth, long> Declared = new()
    {
        [new(2025, 12)] = 9_999_999, // another year: ignored
        [new(2026, 1)] = 1_000_000,
        [new(2026, 2)] = 1_100_000,
        [new(2026, 3)] = 1_200_000,
        [new(2026, 4)] = 300_000,
    };

    private static AllocationSnapshot Allocation(long nr, string begin, string? end, long? volume, string? eenheid, string? frequentie, long? budget = null) =>
        new(Standard.IJw, nr, "45", volume is null ? null : "45A03", DateOnly.Parse(begin), end is null ? null : DateOnly.Parse(end),
            volume, eenheid, frequentie, budget);

    private static OpenAllocation Open(AllocationSnapshot allocation, Tariff? tariff, long declaredInApril = 0) =>
        new(allocation, tariff, new Dictionary<ServiceMonth, long> { [new(2026, 4)] = declaredInApril });

    /// <summary>
    /// A: 4 h a week at € 75/h, all year: April is worth 4 × 30 / 7 × 7 500 = 128 571.43 → 128 571, nothing declared yet.
    /// B: 2 h a week from 15 April, priced by its own lines at 125 cent a minute: 34 286, but 50 000 already declared → 0.
    /// C: a budget of 1 200 000 over 2026: April is 30/365 of it = 98 630, 20 000 declared → 78 630.
    /// D: ended in March, E: deleted → not active in April.
    /// </summary>
    private static List<OpenAllocation> Allocations() =>
    [
        Open(Allocation(1, "2026-01-05", "2026-12-31", 4, OmvangCodes.Uur, OmvangCodes.PerWeek), new Tariff(7_500, OmvangCodes.Uur)),
        Open(Allocation(2, "2026-04-15", null, 2, OmvangCodes.Uur, OmvangCodes.PerWeek), new Tariff(125, OmvangCodes.Minuut), declaredInApril: 50_000),
        Open(Allocation(3, "2026-01-01", "2026-12-31", null, null, null, budget: 1_200_000), null, declaredInApril: 20_000),
        Open(Allocation(4, "2026-01-01", "2026-03-31", 4, OmvangCodes.Uur, OmvangCodes.PerWeek), null),
        Open(Allocation(5, "2026-01-01", "2026-12-31", 4, OmvangCodes.Uur, OmvangCodes.PerWeek) with { Deleted = true }, null),
    ];

    [Fact]
    public void March_is_complete_on_the_10th_working_day_of_April_which_Easter_pushes_to_16_April()
    {
        Assert.False(YearEndForecast.IsComplete(new ServiceMonth(2026, 3), new DateOnly(2026, 4, 15)));
        Assert.True(YearEndForecast.IsComplete(new ServiceMonth(2026, 3), new DateOnly(2026, 4, 16)));
    }

    [Fact]
    public void Declared_plus_the_open_value_of_active_allocations_for_April_plus_the_run_rate_for_May_to_December()
    {
        var forecast = YearEndForecast.Project(2026, April20, Declared, Allocations());

        Assert.Equal(ForecastMethod.RunRatePlusOpenAllocations, forecast.Method);
        Assert.Equal((3_600_000L, 3, 1_100_000L), (forecast.DeclaredCents, forecast.CompleteMonths, forecast.RunRateCents));
        Assert.Equal([4], forecast.BegunMonths);
        Assert.Equal((207_201L, 3, 0), (forecast.BegunMonthsCents, forecast.AllocationsValued, forecast.AllocationsWithoutValue));
        Assert.Equal((8, 8_800_000L), (forecast.FutureMonths, forecast.FutureMonthsCents));
        Assert.Equal(12_607_201, forecast.ProjectedCents);
        Assert.True(forecast.Exceeds(12_607_200));
        Assert.False(forecast.Exceeds(12_607_201));
    }

    [Fact]
    public void An_active_allocation_without_a_tariff_makes_the_forecast_fall_back_to_the_run_rate_and_say_so()
    {
        var allocations = Allocations();
        allocations.Add(Open(Allocation(6, "2026-02-01", "2026-12-31", 3, OmvangCodes.Uur, OmvangCodes.PerWeek), tariff: null));

        var forecast = YearEndForecast.Project(2026, April20, Declared, allocations);

        // April at the run rate: 1 100 000 − 300 000 already declared = 800 000.
        Assert.Equal((ForecastMethod.RunRate, 800_000L, 13_200_000L), (forecast.Method, forecast.BegunMonthsCents, forecast.ProjectedCents));
        Assert.Equal((3, 1), (forecast.AllocationsValued, forecast.AllocationsWithoutValue));
        Assert.Equal("1 active allocation(s) have no known tariff or period to price them", forecast.Note);
    }

    [Fact]
    public void Before_the_first_month_is_fully_declared_there_is_no_run_rate_and_the_forecast_is_what_was_declared()
    {
        var early = YearEndForecast.Project(2026, new DateOnly(2026, 2, 12), Declared, Allocations());
        Assert.Equal((ForecastMethod.DeclaredToDate, 3_600_000L, 0), (early.Method, early.ProjectedCents, early.CompleteMonths));
        Assert.Equal("no service month of 2026 is fully declared yet", early.Note);

        Assert.Equal(1, YearEndForecast.Project(2026, new DateOnly(2026, 2, 13), Declared, Allocations()).CompleteMonths);
    }

    [Fact]
    public void Once_December_is_fully_declared_the_forecast_is_the_declared_total()
    {
        var closed = YearEndForecast.Project(2026, new DateOnly(2027, 1, 15), Declared, Allocations());

        Assert.Equal((ForecastMethod.DeclaredToDate, 12, 0, 0, 3_600_000L, (string?)null),
            (closed.Method, closed.CompleteMonths, closed.BegunMonths.Count, closed.FutureMonths, closed.ProjectedCents, closed.Note));
    }

    [Fact]
    public void A_projection_with_no_begun_month_never_enumerates_the_allocations()
    {
        var enumerated = 0;
        IEnumerable<OpenAllocation> Counted() { foreach (var a in Allocations()) { enumerated++; yield return a; } }

        YearEndForecast.Project(2026, new DateOnly(2027, 1, 15), Declared, Counted()); // December complete: closed year
        YearEndForecast.Project(2026, new DateOnly(2025, 11, 1), Declared, Counted()); // the year has not begun
        YearEndForecast.Project(2026, new DateOnly(2026, 2, 12), Declared, Counted()); // no month complete yet
        Assert.Equal(0, enumerated);

        YearEndForecast.Project(2026, April20, Declared, Counted());
        Assert.Equal(5, enumerated);
    }

    [Fact]
    public void Allocations_can_move_a_forecast_only_from_the_start_of_its_year_until_December_is_fully_declared()
    {
        Assert.False(YearEndForecast.DependsOnAllocations(2027, April20));
        Assert.True(YearEndForecast.DependsOnAllocations(2026, new DateOnly(2026, 1, 1)));
        Assert.True(YearEndForecast.DependsOnAllocations(2026, April20));
        // December 2026 is complete on the 10th working day of January 2027 (New Year's Day is not one): 15 January.
        Assert.True(YearEndForecast.DependsOnAllocations(2026, new DateOnly(2027, 1, 14)));
        Assert.False(YearEndForecast.DependsOnAllocations(2026, new DateOnly(2027, 1, 15)));
        Assert.False(YearEndForecast.DependsOnAllocations(2025, April20));
    }

    [Fact]
    public void An_allocation_is_worth_its_volume_for_the_days_it_is_active_times_its_tariff()
    {
        var april = new ServiceMonth(2026, 4);
        var weekly = Allocation(1, "2026-01-05", "2026-12-31", 4, OmvangCodes.Uur, OmvangCodes.PerWeek);
        var perHour = new Tariff(7_500, OmvangCodes.Uur);

        Assert.Equal(128_571, AllocationValue.ForMonth(weekly, perHour, april));
        Assert.Equal(42_857, AllocationValue.ForMonth(weekly with { DefinitiveStopDate = new DateOnly(2026, 4, 10) }, perHour, april)); // 10 days
        Assert.Equal(0, AllocationValue.ForMonth(weekly with { DefinitiveStopDate = new DateOnly(2026, 3, 31) }, perHour, april));
        Assert.Null(AllocationValue.ForMonth(weekly, null, april));
        Assert.Null(AllocationValue.ForMonth(weekly, new Tariff(5_000, OmvangCodes.Dagdeel), april));

        var inMinutes = weekly with { Volume = 240, Eenheid = OmvangCodes.Minuut };
        Assert.Equal(128_571, AllocationValue.ForMonth(inMinutes, perHour, april)); // 7 500 / 60 a minute

        var monthly = Allocation(7, "2026-02-15", "2026-12-31", 10, OmvangCodes.Dagdeel, OmvangCodes.PerMaand);
        Assert.Equal(25_000, AllocationValue.ForMonth(monthly, new Tariff(5_000, OmvangCodes.Dagdeel), new ServiceMonth(2026, 2))); // 14 of 28 days

        var total = Allocation(8, "2026-04-01", "2026-05-31", 61, OmvangCodes.Uur, OmvangCodes.Totaal);
        Assert.Equal(225_000, AllocationValue.ForMonth(total, perHour, april)); // 61 h over 61 days: 30 h in April
        Assert.Null(AllocationValue.ForMonth(total with { Einddatum = null }, perHour, april));

        var euros = Allocation(9, "2026-01-01", null, 30_000, OmvangCodes.Euro, OmvangCodes.PerWeek);
        Assert.Equal(128_571, AllocationValue.ForMonth(euros, null, april)); // Eenheid 83 needs no tariff
    }

    [Fact]
    public void Half_a_cent_rounds_away_from_zero()
    {
        var oneCentAMonth = Allocation(1, "2026-04-16", null, 1, OmvangCodes.Euro, OmvangCodes.PerMaand);

        Assert.Equal(1, AllocationValue.ForMonth(oneCentAMonth, null, new ServiceMonth(2026, 4))); // 15 of 30 days of 1 cent
    }

    [Fact]
    public void The_open_allocation_takes_the_tariff_of_its_own_lines_before_the_contract_tariff()
    {
        var usage = new AllocationUsage();
        usage.Record(AllocationFacts.Month(2026, 2, 960, OmvangCodes.Minuut, 120_000, tariffCents: 125));
        var contract = new Tariff(8_000, OmvangCodes.Uur);

        Assert.Equal(new Tariff(125, OmvangCodes.Minuut), OpenAllocation.From(AllocationFacts.FourHoursAWeek, usage, contract).Tariff);
        Assert.Equal(contract, OpenAllocation.From(AllocationFacts.FourHoursAWeek, new AllocationUsage(), contract).Tariff);
        Assert.Equal(120_000, OpenAllocation.From(AllocationFacts.FourHoursAWeek, usage).DeclaredCentsIn(new ServiceMonth(2026, 2)));
    }
}
