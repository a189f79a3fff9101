using System.Globalization;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Tests;

public sealed class ScenarioDeterminismTests
{
    // With the whole lifecycle traffic, so its dice are covered too.
    private static readonly ScenarioOptions Small = ScenarioOptions.Demo with { ProviderCount = 8, Months = 3, SpendScale = 0.02m, Lifecycle = LifecycleTraffic.Default };

    [Fact]
    public void The_same_seed_gives_the_same_messages_ceilings_and_totals()
    {
        var first = ScenarioGenerator.Generate(Small);
        var second = ScenarioGenerator.Generate(Small);

        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(first.Ceilings, second.Ceilings);
        Assert.Equal(first.Expected.DeclaredCents.OrderBy(k => k.Key.ToString()), second.Expected.DeclaredCents.OrderBy(k => k.Key.ToString()));
        Assert.Equal(first.Providers.Select(p => (p.Agb, p.Name, p.PlannedAnnualCents)), second.Providers.Select(p => (p.Agb, p.Name, p.PlannedAnnualCents)));
    }

    [Fact]
    public void Allocation_numbers_start_where_the_options_say_so_successive_years_never_share_one()
    {
        static HashSet<(string, long)> Numbers(Scenario scenario) => scenario.Messages.Select(m => m.Message).OfType<SociaalDomein.Messages.Model.ToewijzingMessage>()
            .SelectMany(t => t.Clients.SelectMany(c => c.Producten).Select(p => (t.MunicipalityCode, p.ToewijzingNummer))).ToHashSet();
        var first = Numbers(ScenarioGenerator.Generate(Small));
        var next = Numbers(ScenarioGenerator.Generate(Small with { Year = Small.Year + 1, FirstToewijzingNummer = 10_100_001 }));

        Assert.Equal(100_001, first.Min(k => k.Item2));
        Assert.Equal(10_100_001, next.Min(k => k.Item2));
        Assert.Empty(first.Intersect(next));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioGenerator.Generate(Small with { FirstToewijzingNummer = 999_999_999 }));
    }

    [Fact]
    public void Another_seed_gives_another_scenario()
    {
        var first = ScenarioGenerator.Generate(Small);
        var other = ScenarioGenerator.Generate(Small with { Seed = Small.Seed + 1 });

        Assert.NotEqual(Describe(first), Describe(other));
    }

    [Fact]
    public void Streaming_twice_yields_what_Generate_holds()
    {
        var generator = new ScenarioGenerator(Small);
        var held = generator.Generate();

        var streamed = generator.StreamMessages().ToList();
        var streamedAgain = generator.StreamMessages().ToList();

        Assert.Equal(Describe(held.Messages), Describe(streamed));
        Assert.Equal(Describe(streamed), Describe(streamedAgain));
        Assert.Equal(held.Expected.TotalDeclaredCents, ExpectedTotals.From(generator.StreamMessages()).TotalDeclaredCents);
    }

    [Fact]
    public void The_current_culture_changes_nothing()
    {
        var invariant = Describe(ScenarioGenerator.Generate(Small));

        var saved = CultureInfo.CurrentCulture;
        try
        {
            // Arabic (Saudi Arabia) formats dates in the Umm al-Qura calendar: a culture leak would show at once.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ar-SA");
            var scenario = ScenarioGenerator.Generate(Small);
            CultureInfo.CurrentCulture = saved;
            Assert.Equal(invariant, Describe(scenario));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void The_small_scenario_has_every_message_type_of_the_lifecycle()
    {
        var types = ScenarioGenerator.Generate(Small).Messages.Select(m => (int)m.Message.Type).Distinct().Order();

        Assert.Equal([301, 305, 307, 315, 317, 319, 323, 325], types);
    }

    [Fact]
    public void Switching_the_lifecycle_traffic_off_gives_exactly_the_301_and_323_traffic()
    {
        var without = ScenarioGenerator.Generate(Small with { Lifecycle = LifecycleTraffic.None });
        var with = ScenarioGenerator.Generate(Small);

        Assert.All(without.Messages, m => Assert.Contains(m.Message.Type, new[] { SociaalDomein.Messages.Model.MessageType.Toewijzing301, SociaalDomein.Messages.Model.MessageType.Declaratie323 }));
        Assert.Equal(without.Expected.TotalDeclaredCents, with.Expected.TotalDeclaredCents);
        Assert.Equal(without.Expected.UniqueLineCount, with.Expected.UniqueLineCount);
        Assert.True(with.Messages.Count > without.Messages.Count);
    }

    [Fact]
    public void A_share_outside_0_to_1_is_refused_naming_the_knob()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ScenarioGenerator(Small with { Lifecycle = LifecycleTraffic.Default with { StartNeverShare = 1.5 } }));

        Assert.Equal("StartNeverShare", error.ParamName);
    }

    private static List<string> Describe(Scenario scenario) => Describe(scenario.Messages);

    private static List<string> Describe(IEnumerable<ScenarioMessage> messages) =>
        messages.Select(m => $"{m.Sequence}|{m.Name}|{m.PublishDate:O}|{m.IsResend}\n{MessageText.Render(m.Message)}").ToList();
}
