using SociaalDomein.Messages.Model;

namespace SociaalDomein.Simulation.Tests;

/// <summary>
/// The demo's figures, pinned: other projects' tests and the demo script may quote them. A deliberate change to the
/// generator changes them; update them here and say so in the commit.
/// </summary>
[Collection(DemoScenarioCollection.Name)]
public sealed class DemoScenarioFiguresTests(DemoScenario demo)
{
    [Fact]
    public void The_demo_has_2240_messages_5228_distinct_lines_and_declares_5_747_640_euro_22()
    {
        var scenario = demo.Scenario;
        var expected = scenario.Expected;

        Assert.Equal(2240, expected.MessageCount);
        Assert.Equal(2223, expected.UniqueMessageCount);
        Assert.Equal(1519, scenario.Messages.Count(m => m.Message is ToewijzingMessage));
        Assert.Equal(721, scenario.Messages.Count(m => m.Message is DeclaratieMessage));
        Assert.Equal(5277, expected.LineCount);
        Assert.Equal(5228, expected.UniqueLineCount);
        Assert.Equal(5_747_640_22, expected.TotalDeclaredCents);
    }

    [Fact]
    public void The_demo_has_119_contracts_of_which_7_pass_75_percent_4_pass_90_and_2_pass_100()
    {
        var shares = demo.Scenario.Ceilings
            .Where(c => c.ProductCategorie is null)
            .Select(c => (double)demo.Scenario.Expected.DeclaredFor(c) / c.CeilingCents)
            .ToList();

        Assert.Equal(119, shares.Count);
        Assert.Equal((7, 4, 2), (shares.Count(s => s >= 0.75), shares.Count(s => s >= 0.90), shares.Count(s => s >= 1.00)));
    }
}
