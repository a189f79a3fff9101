using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Validation;

namespace SociaalDomein.Messages.Tests;

/// <summary>
/// Validation level 2: rules within a structurally valid message. A violation is a finding on its line with the standard's
/// retourcode where there is one; the message itself is accepted.
/// </summary>
public sealed class RuleTests
{
    private static string Wmo323 => Fixture.Text("wmo323-mei-2025.xml");

    private const string WmoLine2 = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]";

    [Theory]
    [InlineData("wmo323-mei-2025.xml")]
    [InlineData("jw301-toewijzing.xml")]
    [InlineData("wmo301-toewijzing.xml")]
    [InlineData("jw315-verzoek-om-toewijzing.xml")]
    [InlineData("wmo317-verzoek-om-wijziging.xml")]
    [InlineData("wmo307-stop.xml")]
    [InlineData("jw325-declaratie-antwoord.xml")]
    [InlineData("wmo303d-2020.xml")]
    [InlineData("jw303f-2019.xml")]
    public void A_message_that_keeps_every_rule_has_no_findings(string file)
    {
        var result = Fixture.Validate(Fixture.Text(file));

        Assert.True(result.IsClean, string.Join("\n", result.Findings));
    }

    [Fact]
    public void An_amount_that_is_not_volume_times_tariff_is_9346_on_that_line_only()
    {
        var xml = Wmo323
            .ReplaceOnce("<iwmo:Bedrag>39600</iwmo:Bedrag>", "<iwmo:Bedrag>39500</iwmo:Bedrag>")
            .ReplaceOnce("<iwmo:TotaalBedrag>47700</iwmo:TotaalBedrag>", "<iwmo:TotaalBedrag>47600</iwmo:TotaalBedrag>");

        var result = Fixture.Validate(xml);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(new LineFinding("test.xml", "W-2505-02", WmoLine2 + "/IngediendBedrag/Bedrag", "9346",
            "IngediendBedrag is € 395.00, but GeleverdVolume 8 × ProductTarief € 49.50 is € 396.00."), finding);
        Assert.Equal(finding, Assert.Single(result.FindingsFor("W-2505-02")));
        Assert.Equal(3, Assert.IsType<DeclaratieMessage>(result.Message).Lines.Count());
    }

    [Fact]
    public void With_eenheid_83_the_amount_must_equal_the_volume()
    {
        var xml = Wmo323
            .ReplaceOnce("<iwmo:Bedrag>18000</iwmo:Bedrag>", "<iwmo:Bedrag>17000</iwmo:Bedrag>")
            .ReplaceOnce("<iwmo:TotaalBedrag>47700</iwmo:TotaalBedrag>", "<iwmo:TotaalBedrag>46700</iwmo:TotaalBedrag>");

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal(("W-2505-01", RuleCodes.AmountInEuros), (finding.Line, finding.Rule));
        Assert.Equal("Eenheid is 83 (euro's), so IngediendBedrag must equal GeleverdVolume (€ 180.00), but it is € 170.00.", finding.Explanation);
    }

    [Fact]
    public void A_tariff_is_required_unless_eenheid_is_83()
    {
        var xml = Wmo323.ReplaceOnce(
            "<wmo323:Eenheid>16</wmo323:Eenheid>\n            <wmo323:ProductTarief>4950</wmo323:ProductTarief>\n            <wmo323:IngediendBedrag>\n              <iwmo:Bedrag>39600</iwmo:Bedrag>",
            "<wmo323:Eenheid>16</wmo323:Eenheid>\n            <wmo323:IngediendBedrag>\n              <iwmo:Bedrag>39600</iwmo:Bedrag>");

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal(new LineFinding("test.xml", "W-2505-02", WmoLine2 + "/ProductTarief", RuleCodes.Tariff,
            "Eenheid is 16, not 83 (euro's), so ProductTarief is required to check the amount."), finding);
    }

    [Fact]
    public void The_total_must_be_debit_minus_credit()
    {
        var xml = Wmo323.ReplaceOnce("<iwmo:TotaalBedrag>47700</iwmo:TotaalBedrag>", "<iwmo:TotaalBedrag>57600</iwmo:TotaalBedrag>");

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal(new LineFinding("test.xml", "", "/Bericht/Declaratie/TotaalIngediendBedrag", RuleCodes.Total,
            "The total declared is € 576.00, but the prestaties add up to € 477.00 (debit minus credit)."), finding);
    }

    [Fact]
    public void The_declaration_period_must_be_one_calendar_month()
    {
        var xml = Wmo323.ReplaceOnce(
            "<wmo323:DeclaratiePeriode>\n      <iwmo:Begindatum>2025-05-01</iwmo:Begindatum>\n      <iwmo:Einddatum>2025-05-31</iwmo:Einddatum>",
            "<wmo323:DeclaratiePeriode>\n      <iwmo:Begindatum>2025-05-01</iwmo:Begindatum>\n      <iwmo:Einddatum>2025-06-30</iwmo:Einddatum>");

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal(("", "/Bericht/Declaratie/DeclaratiePeriode", RuleCodes.Period), (finding.Line, finding.Path, finding.Rule));
        Assert.Equal("The DeclaratiePeriode runs from 2025-05-01 to 2025-06-30; it must be exactly one calendar month (e.g. 2025-05-01 to 2025-05-31).",
            finding.Explanation);
    }

    [Fact]
    public void Corrections_of_an_earlier_month_in_a_declaration_are_allowed()
    {
        // The JW323 fixture corrects March in its April declaration: TR319 allows the current or a previous period (IV090).
        Assert.Empty(Fixture.Validate(Fixture.Text(Fixture.Declaratie)).Findings);
    }

    [Fact]
    public void A_line_for_a_month_after_the_declaration_period_is_9319()
    {
        // Move the first corrected line (P2025040003) to May, after the April declaration period.
        var text = Fixture.Text(Fixture.Declaratie);
        var at = text.IndexOf("P2025040003", StringComparison.Ordinal);
        var xml = text[..at] + new System.Text.RegularExpressions.Regex("2025-03-01</ijw:Begindatum>\\s*<ijw:Einddatum>2025-03-31")
            .Replace(text[at..], "2025-05-01</ijw:Begindatum><ijw:Einddatum>2025-05-31", 1);

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal(("P2025040003", "9319"), (finding.Line, finding.Rule));
        Assert.Equal("The ProductPeriode 2025-05-01 to 2025-05-31 ends after the declaration period 2025-04-01 to 2025-04-30: " +
                     "a declaration may only hold care of its own or an earlier period.", finding.Explanation);
        Assert.Equal("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]/ProductPeriode", finding.Path);
    }

    [Fact]
    public void A_product_period_may_not_span_two_months()
    {
        var xml = Wmo323.ReplaceOnce(
            "<iwmo:Begindatum>2025-05-01</iwmo:Begindatum>\n              <iwmo:Einddatum>2025-05-15</iwmo:Einddatum>",
            "<iwmo:Begindatum>2025-04-20</iwmo:Begindatum>\n              <iwmo:Einddatum>2025-05-15</iwmo:Einddatum>");

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal(("W-2505-03", RuleCodes.ProductPeriod), (finding.Line, finding.Rule));
        Assert.Equal("The ProductPeriode runs from 2025-04-20 to 2025-05-15; it must lie within one calendar month and not end before it begins.",
            finding.Explanation);
    }

    [Fact]
    public void A_credit_must_name_the_debit_it_cancels()
    {
        var xml = Wmo323.ReplaceOnce("\n              <iwmo:VorigReferentieNummer>W-2505-00</iwmo:VorigReferentieNummer>", "");

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal(new LineFinding("test.xml", "W-2505-03", "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[3]/ProductReferentie",
            RuleCodes.CreditWithoutReference,
            "This is a credit prestatie without VorigReferentieNummer, so it does not say which debit prestatie it cancels."), finding);
    }

    [Fact]
    public void A_ReferentieNummer_used_twice_in_one_message_is_8021()
    {
        var xml = Wmo323.ReplaceOnce("<iwmo:ReferentieNummer>W-2505-03</iwmo:ReferentieNummer>", "<iwmo:ReferentieNummer>W-2505-01</iwmo:ReferentieNummer>");

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal(("W-2505-01", "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[3]/ProductReferentie/ReferentieNummer", "8021"),
            (finding.Line, finding.Path, finding.Rule));
    }

    [Fact]
    public void An_allocation_with_both_omvang_and_budget_is_accepted_with_a_finding_on_that_allocation()
    {
        var xml = Fixture.Text(Fixture.Toewijzing).ReplaceOnce(
            "</jw301:Omvang>\n      </jw301:ToegewezenProduct>",
            "</jw301:Omvang>\n        <jw301:Budget>100000</jw301:Budget>\n      </jw301:ToegewezenProduct>");

        var result = Fixture.Validate(xml);

        Assert.Equal(new LineFinding("test.xml", "10072", "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Budget", RuleCodes.Exclusive,
            "This allocation has both Omvang and Budget; the standard allows only one of the two."), Assert.Single(result.Findings));
        Assert.Equal(100_000, Assert.IsType<ToewijzingMessage>(result.Message).Clients[0].Producten[0].BudgetCents);
    }

    [Fact]
    public void An_allocation_may_not_end_before_it_starts()
    {
        var xml = Fixture.Text("wmo301-toewijzing.xml").ReplaceOnce("<wmo301:Einddatum>2025-05-31</wmo301:Einddatum>", "<wmo301:Einddatum>2024-10-31</wmo301:Einddatum>");

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal(new LineFinding("test.xml", "20031", "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Einddatum", RuleCodes.Dates,
            "The end date 2024-10-31 lies before the Ingangsdatum 2024-11-01."), finding);
    }

    [Fact]
    public void A_stop_may_not_end_before_delivery_began()
    {
        var xml = Fixture.Text("wmo307-stop.xml").ReplaceOnce("<wmo307:Einddatum>2025-05-31</wmo307:Einddatum>", "<wmo307:Einddatum>2024-11-01</wmo307:Einddatum>");

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal(("20031", RuleCodes.Dates), (finding.Line, finding.Rule));
    }

    [Fact]
    public void A_requested_product_with_omvang_and_budget_is_a_finding_on_its_reference()
    {
        var xml = Fixture.Text("jw315-verzoek-om-toewijzing.xml").ReplaceOnce(
            "</jw315:Omvang>\n        <jw315:Verwijzer>", "</jw315:Omvang>\n        <jw315:Budget>1</jw315:Budget>\n        <jw315:Verwijzer>");

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal(("VOT-A-0001", "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/Budget", RuleCodes.Exclusive),
            (finding.Line, finding.Path, finding.Rule));
    }

    [Fact]
    public void A_325_that_approves_everything_may_not_list_rejected_lines()
    {
        var xml = Fixture.Text("jw325-declaratie-antwoord.xml").Replace(
            "<jw325:RetourCode>0200</jw325:RetourCode>\n    </jw325:RetourCodes>\n  </jw325:DeclaratieAntwoord>",
            "<jw325:RetourCode>8001</jw325:RetourCode>\n    </jw325:RetourCodes>\n  </jw325:DeclaratieAntwoord>", StringComparison.Ordinal);

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal((RuleCodes.Answer, "The answer says the declaration is fully approved (8001) but lists 1 rejected prestatie(s)."), (finding.Rule, finding.Explanation));
    }

    [Fact]
    public void A_legacy_303_is_checked_for_amounts_and_its_own_period()
    {
        var xml = Fixture.Text("jw303f-2019.xml").ReplaceOnce("<ijw:Einddatum>2019-03-31</ijw:Einddatum>\n    </jw303:DeclaratieFactuurPeriode>",
            "<ijw:Einddatum>2019-02-28</ijw:Einddatum>\n    </jw303:DeclaratieFactuurPeriode>");

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal(("F19-0003", "/Bericht/Clienten/Client[1]/Prestaties/Prestatie[3]/ProductPeriode", "9319"), (finding.Line, finding.Path, finding.Rule));
    }

    [Fact]
    public void Read_still_refuses_structure_errors_and_ReadAndValidate_refuses_them_the_same_way()
    {
        var xml = Wmo323.ReplaceOnce("<wmo323:Eenheid>16</wmo323:Eenheid>\n            <wmo323:ProductTarief>4950</wmo323:ProductTarief>\n            <wmo323:IngediendBedrag>\n              <iwmo:Bedrag>39600",
            "<wmo323:Eenheid>05</wmo323:Eenheid>\n            <wmo323:ProductTarief>4950</wmo323:ProductTarief>\n            <wmo323:IngediendBedrag>\n              <iwmo:Bedrag>39600");

        var refusal = Assert.Throws<InvalidMessageException>(() => Fixture.Validate(xml));

        var error = Assert.Single(refusal.Errors);
        Assert.Equal((WmoLine2 + "/Eenheid", RuleCodes.Code), (error.Path, error.Rule));
        Assert.Equal("'05' is not a valid Eenheid: expected a code of list WJ756 (01 minuut, 04 uur, 14 etmaal, 16 dagdeel (4 uur), " +
                     "82 stuks (output), 83 euro's, 84 stuks (inspanning)).", error.Explanation);
    }

    [Fact]
    public void Findings_never_repeat_a_bsn_even_when_amounts_are_large()
    {
        // € 9,999,999.99 is 999 999 999 cents: grouped digits keep redaction from mistaking it for a BSN.
        var xml = Wmo323.ReplaceOnce("<iwmo:TotaalBedrag>47700</iwmo:TotaalBedrag>", "<iwmo:TotaalBedrag>999999999</iwmo:TotaalBedrag>");

        var finding = Assert.Single(Fixture.Validate(xml).Findings);

        Assert.Equal("The total declared is € 9,999,999.99, but the prestaties add up to € 477.00 (debit minus credit).", finding.Explanation);
        Assert.DoesNotContain("999900031", finding.ToString(), StringComparison.Ordinal);
    }
}
