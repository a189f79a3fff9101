using SociaalDomein.Messages.Model;
using SociaalDomein.Simulation.Calendar;

namespace SociaalDomein.Simulation.Tests;

/// <summary>Every declaration in the demo scenario keeps the rules a municipality checks (DOMAIN.md §4).</summary>
[Collection(DemoScenarioCollection.Name)]
public sealed class DeclarationRulesTests(DemoScenario demo)
{
    [Fact]
    public void Every_prestatie_amount_is_volume_times_tariff_or_the_volume_itself_for_euros()
    {
        var lines = demo.Declarations.SelectMany(d => d.Declaratie.Lines).Select(l => l.Prestatie).ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines, p =>
        {
            if (p.Eenheid == "83")
            {
                Assert.Null(p.ProductTariefCents);
                Assert.Equal(p.GeleverdVolume, p.IngediendBedragCents);
            }
            else
            {
                Assert.NotNull(p.ProductTariefCents);
                Assert.Equal(p.GeleverdVolume * p.ProductTariefCents!.Value, p.IngediendBedragCents);
            }
            Assert.True(p.IngediendBedragCents > 0, $"{p.ReferentieNummer} declares nothing");
        });
    }

    [Fact]
    public void Every_declaration_total_is_debits_minus_credits()
    {
        Assert.All(demo.Declarations, d =>
        {
            var debits = d.Declaratie.Lines.Where(l => l.Prestatie.DebetCredit == DebetCredit.Debet).Sum(l => l.Prestatie.IngediendBedragCents);
            var credits = d.Declaratie.Lines.Where(l => l.Prestatie.DebetCredit == DebetCredit.Credit).Sum(l => l.Prestatie.IngediendBedragCents);
            Assert.Equal(debits - credits, d.Declaratie.TotaalIngediendBedragCents);
        });
    }

    [Fact]
    public void Every_prestatie_points_at_an_earlier_allocation_of_the_same_client_municipality_and_provider_that_covers_its_period()
    {
        var allocations = new Dictionary<(string Municipality, long Nummer), (long Sequence, string Bsn, string Provider, ToegewezenProduct Product)>();
        foreach (var (sent, toewijzing) in demo.Toewijzingen)
        {
            var client = Assert.Single(toewijzing.Clients);
            foreach (var product in client.Producten)
                allocations.Add((toewijzing.MunicipalityCode, product.ToewijzingNummer), (sent.Sequence, client.Bsn.RevealForPseudonymisation(), toewijzing.ProviderAgb, product));
        }

        var checkedLines = 0;
        foreach (var (sent, declaratie) in demo.Declarations)
        {
            foreach (var (client, prestatie) in declaratie.Lines)
            {
                Assert.True(allocations.TryGetValue((declaratie.MunicipalityCode, prestatie.ToewijzingNummer), out var allocation),
                    $"{prestatie.ReferentieNummer}: no allocation {declaratie.MunicipalityCode}/{prestatie.ToewijzingNummer}");
                Assert.True(allocation.Sequence < sent.Sequence, $"{prestatie.ReferentieNummer} is published before its allocation");
                Assert.Equal(allocation.Bsn, client.Bsn.RevealForPseudonymisation());
                Assert.Equal(allocation.Provider, declaratie.ProviderAgb);
                Assert.Equal(allocation.Product.ProductCategorie, prestatie.ProductCategorie);
                Assert.Equal(allocation.Product.ProductCode, prestatie.ProductCode);
                Assert.Equal(allocation.Product.Omvang?.Eenheid ?? "83", prestatie.Eenheid);
                Assert.InRange(prestatie.ProductPeriodeBegin, allocation.Product.Ingangsdatum, allocation.Product.Einddatum ?? DateOnly.MaxValue);
                Assert.InRange(prestatie.ProductPeriodeEinde, allocation.Product.Ingangsdatum, allocation.Product.Einddatum ?? DateOnly.MaxValue);
                checkedLines++;
            }
        }
        Assert.Equal(demo.Scenario.Expected.LineCount - ResentLineCount(), checkedLines);
    }

    [Fact]
    public void Delivered_volume_stays_within_the_allocated_volume()
    {
        var allocations = demo.Toewijzingen
            .SelectMany(t => t.Toewijzing.Clients[0].Producten.Select(p => ((t.Toewijzing.MunicipalityCode, p.ToewijzingNummer), p)))
            .ToDictionary(x => x.Item1, x => x.p);
        var netPerAllocation = new Dictionary<(string, long), long>();

        foreach (var (_, declaratie) in demo.Declarations)
        {
            foreach (var (_, p) in declaratie.Lines)
            {
                var key = (declaratie.MunicipalityCode, p.ToewijzingNummer);
                var allocation = allocations[key];
                var sign = p.DebetCredit == DebetCredit.Credit ? -1 : 1;
                if (allocation.Omvang is not { } omvang)
                {
                    netPerAllocation[key] = netPerAllocation.GetValueOrDefault(key) + sign * p.IngediendBedragCents;
                    continue;
                }
                var days = p.ProductPeriodeEinde.DayNumber - p.ProductPeriodeBegin.DayNumber + 1;
                var weeks = (Monday(p.ProductPeriodeEinde).DayNumber - Monday(p.ProductPeriodeBegin).DayNumber) / 7 + 1;
                var allowed = omvang.Frequentie switch
                {
                    "1" => days * omvang.Volume,
                    "2" => weeks * omvang.Volume,
                    "4" => omvang.Volume,
                    "6" => long.MaxValue,
                    _ => throw new InvalidOperationException(omvang.Frequentie),
                };
                Assert.True(p.GeleverdVolume <= allowed, $"{p.ReferentieNummer}: {p.GeleverdVolume} > {allowed} ({omvang})");
                if (omvang.Frequentie == "6") netPerAllocation[key] = netPerAllocation.GetValueOrDefault(key) + sign * p.GeleverdVolume;
            }
        }
        // Totals over the whole allocation: the budget (Eenheid 83) or the volume for Frequentie 6.
        Assert.All(netPerAllocation, n =>
        {
            var allocation = allocations[n.Key];
            Assert.True(n.Value <= (allocation.BudgetCents ?? allocation.Omvang!.Volume), $"{n.Key}: {n.Value} over the allocation");
        });
    }

    [Fact]
    public void A_declaration_covers_one_calendar_month_and_its_lines_that_month_or_an_earlier_one()
    {
        Assert.All(demo.Declarations, d =>
        {
            var declaratie = d.Declaratie;
            Assert.Equal(1, declaratie.PeriodeBegin.Day);
            Assert.Equal(declaratie.PeriodeBegin.AddMonths(1).AddDays(-1), declaratie.PeriodeEinde);
            Assert.Equal(declaratie.Header.Dagtekening, declaratie.DeclaratieDagtekening);
            Assert.True(declaratie.DeclaratieDagtekening > declaratie.PeriodeEinde);
            Assert.NotEmpty(declaratie.Clients);
            Assert.All(declaratie.Clients, c => Assert.NotEmpty(c.Prestaties));
            Assert.All(declaratie.Lines, l =>
            {
                var p = l.Prestatie;
                Assert.True(p.ProductPeriodeBegin <= p.ProductPeriodeEinde);
                Assert.Equal((p.ProductPeriodeBegin.Year, p.ProductPeriodeBegin.Month), (p.ProductPeriodeEinde.Year, p.ProductPeriodeEinde.Month));
                Assert.True(p.ProductPeriodeEinde <= declaratie.PeriodeEinde, $"{p.ReferentieNummer} lies after its declaration period");
            });
        });
    }

    [Fact]
    public void Declarations_are_dated_in_the_first_ten_working_days_after_the_month_except_the_late_ones()
    {
        var late = 0;
        foreach (var (_, declaratie) in demo.Declarations)
        {
            var next = declaratie.PeriodeEinde.AddDays(1);
            var tenth = DutchWorkingDays.NthWorkingDay(next.Year, next.Month, 10);
            var twentieth = DutchWorkingDays.NthWorkingDay(next.Year, next.Month, 20);
            Assert.True(DutchWorkingDays.IsWorkingDay(declaratie.DeclaratieDagtekening));
            Assert.InRange(declaratie.DeclaratieDagtekening, next, twentieth);
            if (declaratie.DeclaratieDagtekening > tenth) late++;
        }
        // QualityNoise.Default sends about 5 % late.
        Assert.InRange(late, 1, demo.Declarations.Count / 10);
    }

    [Fact]
    public void ReferentieNummers_are_unique_per_provider_except_in_resent_copies()
    {
        var firstSeenIn = new Dictionary<(string Provider, string Referentie), MessageKey>();
        foreach (var sent in demo.Scenario.Messages.Where(m => m.Message is DeclaratieMessage))
        {
            var declaratie = (DeclaratieMessage)sent.Message;
            foreach (var (_, p) in declaratie.Lines)
            {
                var key = (declaratie.ProviderAgb, p.ReferentieNummer);
                if (firstSeenIn.TryGetValue(key, out var first))
                {
                    Assert.True(sent.IsResend, $"{key} is used twice");
                    Assert.Equal(first, declaratie.Key);
                }
                else
                {
                    Assert.False(sent.IsResend, $"a resent copy brings a new line {key}");
                    firstSeenIn[key] = declaratie.Key;
                }
                Assert.InRange(p.ReferentieNummer.Length, 1, 20);
            }
        }
        Assert.Equal(demo.Scenario.Expected.UniqueLineCount, firstSeenIn.Count);
    }

    [Fact]
    public void A_correction_credits_an_earlier_debit_exactly_and_declares_it_again_lower_in_the_same_message()
    {
        var debits = new Dictionary<(string, string), (long Sequence, Prestatie Prestatie)>();
        var credited = new HashSet<(string, string)>();
        var corrections = 0;
        foreach (var (sent, declaratie) in demo.Declarations)
        {
            var lines = declaratie.Lines.Select(l => l.Prestatie).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                var p = lines[i];
                if (p.DebetCredit == DebetCredit.Debet)
                {
                    Assert.Null(p.VorigReferentieNummer);
                    debits[(declaratie.ProviderAgb, p.ReferentieNummer)] = (sent.Sequence, p);
                    continue;
                }

                corrections++;
                Assert.NotNull(p.VorigReferentieNummer);
                var key = (declaratie.ProviderAgb, p.VorigReferentieNummer!);
                Assert.True(debits.TryGetValue(key, out var debit), $"credit {p.ReferentieNummer} names no known debit");
                Assert.True(debit.Sequence < sent.Sequence);
                Assert.True(credited.Add(key), $"{key} is credited twice");
                Assert.Equal(debit.Prestatie with { ReferentieNummer = p.ReferentieNummer, VorigReferentieNummer = p.VorigReferentieNummer, DebetCredit = DebetCredit.Credit }, p);

                var replacement = lines[i + 1];
                Assert.Equal(DebetCredit.Debet, replacement.DebetCredit);
                Assert.Equal((p.ToewijzingNummer, p.ProductPeriodeBegin, p.ProductPeriodeEinde), (replacement.ToewijzingNummer, replacement.ProductPeriodeBegin, replacement.ProductPeriodeEinde));
                Assert.InRange(replacement.GeleverdVolume, 1, p.GeleverdVolume - 1);
            }
        }
        Assert.InRange(corrections, 1, debits.Count / 20);
    }

    private long ResentLineCount() =>
        demo.Scenario.Messages.Where(m => m.IsResend && m.Message is DeclaratieMessage).Sum(m => (long)((DeclaratieMessage)m.Message).Lines.Count());

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
