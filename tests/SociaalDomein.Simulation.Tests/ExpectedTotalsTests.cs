using SociaalDomein.Messages.Model;
using SociaalDomein.Simulation.Planning;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Tests;

[Collection(DemoScenarioCollection.Name)]
public sealed class ExpectedTotalsTests(DemoScenario demo)
{
    [Fact]
    public void Expected_totals_equal_a_recount_of_the_first_sending_of_every_declaration()
    {
        // Independently: skip resent messages by identity instead of lines by ReferentieNummer.
        var recount = demo.Scenario.Messages
            .Select(m => m.Message)
            .OfType<DeclaratieMessage>()
            .DistinctBy(m => m.Key)
            .SelectMany(m => m.Lines.Select(l => (m.MunicipalityCode, m.ProviderAgb, l.Prestatie)))
            .GroupBy(x => new ContractYear(x.MunicipalityCode, x.ProviderAgb, x.Prestatie.ProductPeriodeBegin.Year))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Prestatie.DebetCredit == DebetCredit.Credit ? -x.Prestatie.IngediendBedragCents : x.Prestatie.IngediendBedragCents));

        Assert.Equal(recount.OrderBy(k => k.Key.ToString()), demo.Scenario.Expected.DeclaredCents.OrderBy(k => k.Key.ToString()));
        Assert.Equal(recount.Values.Sum(), demo.Scenario.Expected.TotalDeclaredCents);
        Assert.All(demo.Scenario.Expected.DeclaredCents, t =>
            Assert.Equal(t.Value, demo.Scenario.Expected.DeclaredCentsByCategory.Where(c => c.Key.ContractYear == t.Key).Sum(c => c.Value)));
    }

    [Fact]
    public void Expected_totals_equal_what_the_plan_decided_to_declare()
    {
        var plan = ScenarioPlanner.Plan(ScenarioOptions.Demo);

        foreach (var contract in plan.Contracts)
        {
            long planned = 0;
            foreach (var allocation in contract.Allocations)
            {
                for (var month = 0; month < plan.Months.Count; month++)
                    if (plan.TryDeliver(allocation, month, out var delivery)) planned += allocation.AmountCents(delivery.FinalVolume);
            }
            Assert.Equal(planned, demo.Scenario.Expected.DeclaredFor(contract.Municipality.CbsCode, contract.Provider.Agb, plan.Options.Year));
        }
    }

    [Fact]
    public void A_resent_declaration_counts_once()
    {
        var declaration = demo.Declarations[0].Declaratie;
        var once = ExpectedTotals.From([declaration]);
        var twice = ExpectedTotals.From([declaration, declaration]);

        Assert.Equal(once.TotalDeclaredCents, twice.TotalDeclaredCents);
        Assert.Equal(declaration.TotaalIngediendBedragCents, twice.TotalDeclaredCents);
        Assert.Equal((2, 1), (twice.MessageCount, twice.UniqueMessageCount));
        Assert.Equal(2 * once.LineCount, twice.LineCount);
        Assert.Equal(once.UniqueLineCount, twice.UniqueLineCount);
    }

    [Fact]
    public void A_credit_subtracts_in_the_year_its_product_period_begins()
    {
        var header = new MessageHeader(490, 3, 2, "99000012", "0268", "B1", new DateOnly(2026, 2, 3), "1.0.0", "1.0.0");
        Assert.True(Bsn.TryCreate("999900006", out var bsn));
        Prestatie Line(string referentie, string? vorige, int month, long volume, DebetCredit dc) =>
            new(referentie, vorige, 100_001, "45", "45A03", new DateOnly(2025 + month / 12, month % 12 + 1, 1), new DateOnly(2025 + month / 12, month % 12 + 1, 28),
                volume, "04", 75_00, volume * 75_00, dc);
        var message = new DeclaratieMessage(Standard.IJw, header, "D1", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 3),
            TotaalIngediendBedragCents: 10 * 75_00 - 8 * 75_00 + 6 * 75_00,
            [new DeclaratieClient(bsn, [Line("R1", null, 12, 10, DebetCredit.Debet), Line("R2", "R0", 11, 8, DebetCredit.Credit), Line("R3", null, 11, 6, DebetCredit.Debet)])]);

        var totals = ExpectedTotals.From([message]);

        Assert.Equal(750_00, totals.DeclaredFor("0268", "99000012", 2026));
        Assert.Equal(-150_00, totals.DeclaredFor("0268", "99000012", 2025));
        Assert.Equal(-150_00, totals.DeclaredFor("0268", "99000012", 2025, "45"));
    }

    [Fact]
    public void In_the_demo_some_contracts_cross_75_90_and_100_percent_of_their_ceiling()
    {
        var shares = demo.Scenario.Ceilings
            .Where(c => c.ProductCategorie is null)
            .Select(c => (double)demo.Scenario.Expected.DeclaredFor(c) / c.CeilingCents)
            .ToList();

        Assert.Contains(shares, s => s >= 0.75);
        Assert.Contains(shares, s => s >= 0.90);
        Assert.Contains(shares, s => s >= 1.00);
        Assert.True(shares.Count(s => s >= 0.75) <= shares.Count / 5, "thresholds should stand out, not be the rule");
    }

    [Fact]
    public void Every_contract_with_declarations_has_a_ceiling_for_the_year()
    {
        var ceilings = demo.Scenario.Ceilings.Where(c => c.ProductCategorie is null)
            .ToDictionary(c => new ContractYear(c.MunicipalityCode, c.ProviderAgb, c.Year));

        Assert.All(demo.Scenario.Expected.DeclaredCents.Keys, k => Assert.True(ceilings.ContainsKey(k), $"{k} has no ceiling"));
        Assert.Equal(ceilings.Count, demo.Scenario.Expected.DeclaredCents.Count);
        Assert.All(demo.Scenario.Ceilings, c =>
        {
            Assert.Equal(2026, c.Year);
            Assert.True(c.CeilingCents > 0);
        });
        Assert.Contains(demo.Scenario.Ceilings, c => c.ProductCategorie is not null);
    }
}
