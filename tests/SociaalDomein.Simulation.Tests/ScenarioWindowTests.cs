using SociaalDomein.Messages.Model;
using SociaalDomein.Simulation.Calendar;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Tests;

public sealed class ScenarioWindowTests
{
    [Fact]
    public void December_is_declared_in_January_of_the_next_year_and_counts_in_the_simulated_year()
    {
        var scenario = ScenarioGenerator.Generate(ScenarioOptions.Demo with { FirstMonth = 11, Months = 2, ProviderCount = 10, SpendScale = 0.03m });

        var declarations = scenario.Messages.Select(m => m.Message).OfType<DeclaratieMessage>().ToList();

        Assert.Equal([new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1)], declarations.Select(d => d.PeriodeBegin).Distinct().Order());
        Assert.All(declarations.Where(d => d.PeriodeBegin.Month == 12), d => Assert.Equal(2027, d.DeclaratieDagtekening.Year));
        Assert.All(scenario.Expected.DeclaredCents.Keys, k => Assert.Equal(2026, k.Year));
    }

    [Fact]
    public void Clean_traffic_has_no_corrections_no_resent_messages_and_no_late_declarations()
    {
        var scenario = ScenarioGenerator.Generate(ScenarioOptions.Demo with { Noise = QualityNoise.None, ProviderCount = 10, SpendScale = 0.03m });

        Assert.DoesNotContain(scenario.Messages, m => m.IsResend);
        var declarations = scenario.Messages.Select(m => m.Message).OfType<DeclaratieMessage>().ToList();
        Assert.All(declarations, d =>
        {
            Assert.DoesNotContain(d.Lines, l => l.Prestatie.DebetCredit == DebetCredit.Credit);
            var next = d.PeriodeEinde.AddDays(1);
            Assert.InRange(d.DeclaratieDagtekening, next, DutchWorkingDays.NthWorkingDay(next.Year, next.Month, 10));
        });
        Assert.Equal(scenario.Expected.LineCount, scenario.Expected.UniqueLineCount);
    }

    [Fact]
    public void A_single_month_has_nothing_to_correct_since_a_correction_goes_in_the_next_months_declaration()
    {
        var scenario = ScenarioGenerator.Generate(ScenarioOptions.Demo with { Months = 1, Noise = QualityNoise.Default with { CorrectionShare = 1 } });

        var lines = scenario.Messages.Select(m => m.Message).OfType<DeclaratieMessage>().SelectMany(d => d.Lines).ToList();

        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Prestatie.DebetCredit == DebetCredit.Credit);
    }
}
