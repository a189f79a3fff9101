using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Rules.AllocationChecks;
using SociaalDomein.Monitoring.Rules.Calendar;
using SociaalDomein.Monitoring.Rules.Forecasting;
using SociaalDomein.Monitoring.Rules.Lifecycle;
using static SociaalDomein.Monitoring.Tests.Rules.AllocationFacts;

namespace SociaalDomein.Monitoring.Tests.Rules;

/// <summary>The state grains persist and the records they pass survive the Orleans serializer unchanged.</summary>
public sealed class RuleStateSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(AllocationUsage).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    [Fact]
    public void Allocation_usage_round_trips_with_its_buckets_and_tariff()
    {
        var usage = new AllocationUsage();
        usage.Record(Month(2026, 1, 960, OmvangCodes.Minuut, 120_000, tariffCents: 125));
        usage.Record(Month(2026, 2, 20, OmvangCodes.Uur, 150_000, tariffCents: 7_500));

        var copy = RoundTrip(usage);

        Assert.Equal(usage.Volumes, copy.Volumes);
        Assert.Equal(usage.AmountCents, copy.AmountCents);
        Assert.Equal(new Tariff(7_500, OmvangCodes.Uur), copy.LastTariff);
        Assert.Equal(2_160, copy.TotalVolume(VolumeUnits.For(OmvangCodes.Uur)));
    }

    [Fact]
    public void The_alert_lifecycle_state_round_trips_and_goes_on_where_it_stopped()
    {
        var subject = AlertSubject.Pacing("0268", "12345678", 2026, null);
        var state = new AlertLifecycleState();
        AlertLifecycle.Observe(state, new AlertObservation(subject, true, new AlertFigures(2, 1, "cent"), AlertSeverity.Warning));

        var copy = RoundTrip(state);

        Assert.Null(AlertLifecycle.Observe(copy, new AlertObservation(subject, true, new AlertFigures(2, 1, "cent"), AlertSeverity.Warning)));
        Assert.Equal(AlertChange.Resolved, AlertLifecycle.Observe(copy, new AlertObservation(subject, false, new AlertFigures(0, 1, "cent"), AlertSeverity.Warning))!.Change);
    }

    [Fact]
    public void Records_that_cross_the_wire_round_trip_by_value()
    {
        var allocation = FourHoursAWeek with { DefinitiveStopDate = new DateOnly(2026, 3, 1), Uitvoeringsvariant = Uitvoeringsvariant.Outputgericht };
        var line = Month(2026, 2, 20, debetCredit: DebetCredit.Credit);

        Assert.Equal(allocation, RoundTrip(allocation));
        Assert.Equal(line, RoundTrip(line));
        Assert.Equal(new ServiceMonth(2026, 2), RoundTrip(new ServiceMonth(2026, 2)));
        Assert.Equal(new DatePeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), RoundTrip(new DatePeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28))));
    }

    [Fact]
    public void A_forecast_and_its_inputs_round_trip()
    {
        var usage = new AllocationUsage();
        usage.Record(Month(2026, 2, 20, OmvangCodes.Uur, 150_000, tariffCents: 7_500));
        var open = OpenAllocation.From(FourHoursAWeek, usage);
        var forecast = YearEndForecast.Project(2026, new DateOnly(2026, 3, 20), new Dictionary<ServiceMonth, long> { [new(2026, 2)] = 150_000 }, [open]);

        var openCopy = RoundTrip(open);
        Assert.Equal((open.Allocation, open.Tariff, 150_000L), (openCopy.Allocation, openCopy.Tariff, openCopy.DeclaredCentsIn(new ServiceMonth(2026, 2))));
        var copy = RoundTrip(forecast);
        Assert.Equal((forecast.Method, forecast.ProjectedCents), (copy.Method, copy.ProjectedCents));
        Assert.Equal(forecast.BegunMonths, copy.BegunMonths);
    }
}
