using SociaalDomein.Messages.Reading;

namespace SociaalDomein.Messages.Tests;

/// <summary>A BSN never reaches an exception message, a validation error or a ToString.</summary>
public sealed class PrivacyTests
{
    [Fact]
    public void An_invalid_bsn_is_not_repeated_in_the_refusal()
    {
        var xml = Fixture.Text(Fixture.Declaratie).ReplaceOnce("<jw323:Bsn>999900018</jw323:Bsn>", "<jw323:Bsn>999900019</jw323:Bsn>");

        var refusal = Fixture.Refuse(xml);

        Assert.DoesNotContain("999900019", refusal.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("999900019", refusal.Message, StringComparison.Ordinal);
        Assert.All(refusal.Errors, e => Assert.DoesNotContain("999900019", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_bsn_typed_into_another_field_is_masked_in_the_explanation()
    {
        var xml = Fixture.Text(Fixture.Declaratie).ReplaceOnce("<jw323:ToewijzingNummer>10072</jw323:ToewijzingNummer>",
            "<jw323:ToewijzingNummer>BSN 999900006</jw323:ToewijzingNummer>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(RuleCodes.Type, error.Rule);
        Assert.StartsWith("'BSN *********' is not a whole number", error.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bsn_used_as_an_element_name_is_masked_in_path_and_explanation()
    {
        var xml = Fixture.Text(Fixture.Declaratie).ReplaceOnce("<jw323:Clienten>", "<jw323:Clienten><x999900006/>");

        var refusal = Fixture.Refuse(xml);

        Assert.Equal("/Bericht/Declaratie/Clienten/x*********", Assert.Single(refusal.Errors).Path);
        Assert.DoesNotContain("999900006", refusal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_parsed_message_does_not_print_its_bsns()
    {
        var declaratie = Fixture.ReadDeclaratie();
        var toewijzing = Fixture.ReadToewijzing();

        var printed = string.Join("\n",
            declaratie.ToString(), toewijzing.ToString(),
            string.Join("\n", declaratie.Clients.Select(c => c.ToString())),
            string.Join("\n", toewijzing.Clients.Select(c => c.ToString())));

        Assert.DoesNotContain("999900006", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("999900018", printed, StringComparison.Ordinal);
        Assert.Contains("BSN(*********)", printed, StringComparison.Ordinal);
    }
}
