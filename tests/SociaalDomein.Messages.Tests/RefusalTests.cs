using System.Text;
using SociaalDomein.Messages.Reading;

namespace SociaalDomein.Messages.Tests;

/// <summary>What the reader refuses, and how it tells a backoffice employee where and why.</summary>
public sealed class RefusalTests
{
    private static string Declaratie => Fixture.Text(Fixture.Declaratie);
    private static string Toewijzing => Fixture.Text(Fixture.Toewijzing);

    [Fact]
    public void A_missing_required_element_is_named_by_its_full_path()
    {
        var xml = Declaratie.ReplaceOnce("<ijw:Bedrag>92000</ijw:Bedrag>", "");

        var refusal = Fixture.Refuse(xml);

        var error = Assert.Single(refusal.Errors);
        Assert.Equal("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/IngediendBedrag/Bedrag", error.Path);
        Assert.Equal(RuleCodes.Required, error.Rule);
        Assert.Equal("The required element 'Bedrag' is missing from 'IngediendBedrag'.", error.Explanation);
        Assert.Equal("test.xml", refusal.Source);
    }

    [Fact]
    public void A_missing_repeating_element_is_reported_where_it_should_be()
    {
        var xml = Toewijzing.ReplaceOnce("<jw301:Bsn>999900006</jw301:Bsn>", "");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht/Client/Bsn", RuleCodes.Required), (error.Path, error.Rule));
    }

    [Fact]
    public void Several_errors_in_one_message_are_reported_together_in_document_order()
    {
        var xml = Declaratie
            .ReplaceOnce("<jw323:Ontvanger>0268</jw323:Ontvanger>", "<jw323:Ontvanger>268</jw323:Ontvanger>")
            .ReplaceOnce("<ijw:ReferentieNummer>P2025040002</ijw:ReferentieNummer>", "<ijw:ReferentieNummer>P2025040002</ijw:ReferentieNummer><ijw:Extra>1</ijw:Extra>")
            .ReplaceOnce("<jw323:GeleverdVolume>8</jw323:GeleverdVolume>", "<jw323:GeleverdVolume>8,5</jw323:GeleverdVolume>");

        var errors = Fixture.Refuse(xml).Errors;

        Assert.Equal(
            [
                ("/Bericht/Header/Ontvanger", RuleCodes.Code),
                ("/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]/ProductReferentie/Extra", RuleCodes.Structure),
                ("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/GeleverdVolume", RuleCodes.Type),
            ],
            errors.Select(e => (e.Path, e.Rule)));
        Assert.Equal("'268' is not a valid Ontvanger: expected a 4-digit CBS municipality code with leading zeros, e.g. 0268.",
            errors[0].Explanation);
    }

    [Fact]
    public void An_amount_must_be_whole_eurocents()
    {
        var xml = Declaratie.ReplaceOnce("<ijw:Bedrag>143200</ijw:Bedrag>", "<ijw:Bedrag>1432.00</ijw:Bedrag>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal("/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/IngediendBedrag/Bedrag", error.Path);
        Assert.Equal(RuleCodes.Type, error.Rule);
        Assert.Equal("'1432.00' is not a whole number; Bedrag must be a whole number of eurocents, 0 or more (e.g. 1250 for 12.50 euro).",
            error.Explanation);
    }

    [Theory]
    [InlineData("2025-04-31", "'2025-04-31' is not a valid date; Begindatum must be written as YYYY-MM-DD, e.g. 2025-04-30.")]
    [InlineData("01-04-2025", "'01-04-2025' is not a valid date; Begindatum must be written as YYYY-MM-DD, e.g. 2025-04-30.")]
    [InlineData("2025-02-29", "'2025-02-29' is not a valid date; Begindatum must be written as YYYY-MM-DD, e.g. 2025-04-30.")]
    [InlineData("2025-4-01", "'2025-4-01' is not a valid date; Begindatum must be written as YYYY-MM-DD, e.g. 2025-04-30.")]
    [InlineData("2025-0a-01", "'2025-0a-01' is not a valid date; Begindatum must be written as YYYY-MM-DD, e.g. 2025-04-30.")]
    [InlineData("2025-04-01Z", "'2025-04-01Z' carries a time zone; Begindatum must be a plain date written as YYYY-MM-DD, e.g. 2025-04-30.")]
    public void A_date_is_a_plain_calendar_date(string written, string explanation)
    {
        var xml = Declaratie.ReplaceOnce(
            "<jw323:DeclaratiePeriode>\n      <ijw:Begindatum>2025-04-01</ijw:Begindatum>",
            $"<jw323:DeclaratiePeriode>\n      <ijw:Begindatum>{written}</ijw:Begindatum>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht/Declaratie/DeclaratiePeriode/Begindatum", RuleCodes.Type, explanation), (error.Path, error.Rule, error.Explanation));
    }

    [Theory]
    [InlineData("<jw323:Afzender>12345678</jw323:Afzender>", "<jw323:Afzender>1234567</jw323:Afzender>", "/Bericht/Header/Afzender")]
    [InlineData("<jw323:ProductCode>45A03</jw323:ProductCode>", "<jw323:ProductCode>45A0</jw323:ProductCode>", "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ProductCode")]
    [InlineData("<jw323:ProductCategorie>50</jw323:ProductCategorie>", "<jw323:ProductCategorie>5</jw323:ProductCategorie>", "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]/ProductCategorie")]
    [InlineData("<jw323:Eenheid>83</jw323:Eenheid>", "<jw323:Eenheid>uur</jw323:Eenheid>", "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]/Eenheid")]
    [InlineData("<ijw:Bedrag>45000</ijw:Bedrag>\n              <ijw:DebetCredit>D</ijw:DebetCredit>", "<ijw:Bedrag>45000</ijw:Bedrag>\n              <ijw:DebetCredit>+</ijw:DebetCredit>", "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]/IngediendBedrag/DebetCredit")]
    [InlineData("<jw323:DeclaratieNummer>DN202504001</jw323:DeclaratieNummer>", "<jw323:DeclaratieNummer>DN-2025-04</jw323:DeclaratieNummer>", "/Bericht/Declaratie/DeclaratieNummer")]
    public void Codes_must_have_their_exact_format(string valid, string invalid, string path)
    {
        var error = Assert.Single(Fixture.Refuse(Declaratie.ReplaceOnce(valid, invalid)).Errors);

        Assert.Equal((path, RuleCodes.Code), (error.Path, error.Rule));
    }

    [Fact]
    public void A_reference_longer_than_20_characters_is_refused()
    {
        var xml = Declaratie.ReplaceOnce("<ijw:ReferentieNummer>P2025040001</ijw:ReferentieNummer>",
            "<ijw:ReferentieNummer>P2025040001-CORRECTIE</ijw:ReferentieNummer>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(RuleCodes.Length, error.Rule);
        Assert.Equal("'ReferentieNummer' has 21 characters; the standard allows 1 to 20.", error.Explanation);
    }

    [Fact]
    public void A_bsn_that_fails_the_elfproef_is_refused()
    {
        var xml = Declaratie.ReplaceOnce("<jw323:Bsn>999900018</jw323:Bsn>", "<jw323:Bsn>999900019</jw323:Bsn>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht/Declaratie/Clienten/Client[2]/Bsn", RuleCodes.Bsn), (error.Path, error.Rule));
    }

    [Fact]
    public void Elements_must_come_in_the_standards_order()
    {
        var xml = Declaratie.ReplaceOnce(
            "<jw323:ProductCategorie>45</jw323:ProductCategorie>\n            <jw323:ProductCode>45A03</jw323:ProductCode>",
            "<jw323:ProductCode>45A03</jw323:ProductCode>\n            <jw323:ProductCategorie>45</jw323:ProductCategorie>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal("/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ProductCategorie", error.Path);
        Assert.Equal(RuleCodes.Structure, error.Rule);
        Assert.StartsWith("'ProductCategorie' appears more than once or out of order in 'Prestatie'", error.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Element_names_are_case_sensitive()
    {
        var xml = Declaratie.ReplaceOnce("<jw323:DeclaratieDagtekening>2025-05-06</jw323:DeclaratieDagtekening>",
            "<jw323:Declaratiedagtekening>2025-05-06</jw323:Declaratiedagtekening>");

        var errors = Fixture.Refuse(xml).Errors;

        Assert.Equal(
            [("/Bericht/Declaratie/Declaratiedagtekening", RuleCodes.Structure), ("/Bericht/Declaratie/DeclaratieDagtekening", RuleCodes.Required)],
            errors.Select(e => (e.Path, e.Rule)));
    }

    [Fact]
    public void A_basisschema_child_in_the_message_namespace_is_refused()
    {
        var xml = Declaratie.ReplaceOnce("<ijw:Identificatie>D2025050006</ijw:Identificatie>",
            "<jw323:Identificatie>D2025050006</jw323:Identificatie>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht/Header/BerichtIdentificatie/Identificatie", RuleCodes.Namespace), (error.Path, error.Rule));
        Assert.Equal("'Identificatie' is in the XML namespace 'http://www.istandaarden.nl/ijw/3_2/jw323/schema'; " +
                     "it belongs in 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema'.", error.Explanation);
    }

    [Fact]
    public void Text_between_elements_is_refused()
    {
        var xml = Declaratie.ReplaceOnce("<jw323:Clienten>", "<jw323:Clienten>zie bijlage");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht/Declaratie/Clienten", RuleCodes.Structure), (error.Path, error.Rule));
    }

    [Fact]
    public void A_value_element_may_not_contain_elements()
    {
        var xml = Declaratie.ReplaceOnce("<jw323:GeleverdVolume>16</jw323:GeleverdVolume>",
            "<jw323:GeleverdVolume><ijw:Volume>16</ijw:Volume></jw323:GeleverdVolume>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/GeleverdVolume", RuleCodes.Type), (error.Path, error.Rule));
    }

    [Fact]
    public void Malformed_xml_is_refused_with_its_position()
    {
        var xml = Declaratie.ReplaceOnce("</jw323:Eenheid>\n            <jw323:ProductTarief>8950", "</jw323:Eenheid\n            <jw323:ProductTarief>8950");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(RuleCodes.Xml, error.Rule);
        Assert.StartsWith("The message is not well-formed XML: ", error.Explanation, StringComparison.Ordinal);
        Assert.Contains("Line 47, position 13.", error.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_message_is_refused_as_xml()
    {
        var xml = Declaratie[..(Declaratie.Length / 2)];

        Assert.Equal(RuleCodes.Xml, Fixture.Refuse(xml).First.Rule);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not xml at all")]
    [InlineData("<?xml version=\"1.0\"?>")]
    public void Input_without_an_element_is_refused_as_xml(string xml)
    {
        Assert.Equal(RuleCodes.Xml, Fixture.Refuse(xml).First.Rule);
    }

    [Fact]
    public void A_dtd_with_an_external_entity_is_refused_without_reading_the_entity()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"sd-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "SECRET-FROM-DISK");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE Bericht [ <!ENTITY leak SYSTEM "file://{secret}"> ]>
                <Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw323/schema"><Header><BerichtCode>&leak;</BerichtCode></Header></Bericht>
                """;

            var refusal = Fixture.Refuse(xml);

            var error = Assert.Single(refusal.Errors);
            Assert.Equal(RuleCodes.Xml, error.Rule);
            Assert.Equal("The message contains a document type declaration (DTD); DTDs and entities are refused for safety.", error.Explanation);
            Assert.DoesNotContain("SECRET-FROM-DISK", refusal.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void An_entity_expansion_bomb_is_refused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <Bericht>&lol3;</Bericht>
            """;

        Assert.Equal(RuleCodes.Xml, Assert.Single(Fixture.Refuse(xml).Errors).Rule);
    }

    [Fact]
    public void Input_over_25_MB_is_refused_before_parsing()
    {
        // Not even XML: the size is checked first.
        var tooLarge = new byte[MessageReader.MaxMessageBytes + 1];

        var refusal = Assert.Throws<InvalidMessageException>(() => MessageReader.Read(tooLarge, "big.xml"));

        var error = Assert.Single(refusal.Errors);
        Assert.Equal(("/", RuleCodes.Size), (error.Path, error.Rule));
        Assert.Equal("The message is 26,214,401 bytes; the standard allows at most 25 MB (26,214,400 bytes).", error.Explanation);
    }

    [Fact]
    public void A_stream_that_keeps_going_past_25_MB_is_stopped()
    {
        // A well-formed start followed by an endless comment, from a stream that cannot tell its length.
        using var stream = new UnseekableStream(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!--"), (byte)'x');

        var refusal = Assert.Throws<InvalidMessageException>(() => MessageReader.Read(stream, "endless"));

        Assert.Equal(RuleCodes.Size, Assert.Single(refusal.Errors).Rule);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 100)) + string.Concat(Enumerable.Repeat("</x>", 100));
        var xml = Declaratie.ReplaceOnce("<jw323:Clienten>", "<jw323:Clienten>" + deep);

        var error = Fixture.Refuse(xml).First;

        Assert.Equal(RuleCodes.Size, error.Rule);
        Assert.Equal("Elements are nested more than 32 levels deep; no iJw/iWmo message is, so reading was stopped.", error.Explanation);
    }

    [Fact]
    public void A_flood_of_elements_is_refused()
    {
        var flood = new StringBuilder(Declaratie.Length + MessageReader.MaxElements * 4);
        flood.Append(Declaratie.AsSpan(0, Declaratie.IndexOf("<jw323:Clienten>", StringComparison.Ordinal)));
        flood.Append("<jw323:Extra>");
        flood.Insert(flood.Length, "<a/>", MessageReader.MaxElements);
        flood.Append("</jw323:Extra></jw323:Declaratie></jw323:Bericht>");

        var error = Fixture.Refuse(flood.ToString()).First;

        Assert.Equal((RuleCodes.Size, "The message has more than 2,000,000 elements; reading was stopped to protect the system."),
            (error.Rule, error.Explanation));
    }

    [Fact]
    public void A_berichtcode_that_contradicts_the_namespace_is_an_error_not_a_guess()
    {
        var xml = Declaratie.ReplaceOnce("<jw323:BerichtCode>490</jw323:BerichtCode>", "<jw323:BerichtCode>436</jw323:BerichtCode>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht/Header/BerichtCode", RuleCodes.UnknownMessage), (error.Path, error.Rule));
        Assert.Equal("The namespace says this is a JW323 (BerichtCode 490), but the header has BerichtCode 436 (JW301). " +
                     "The message type is ambiguous, so it was not read.", error.Explanation);
    }

    [Fact]
    public void A_release_in_the_header_that_contradicts_the_namespace_is_refused()
    {
        var xml = Declaratie.ReplaceOnce("<jw323:BerichtSubversie>2</jw323:BerichtSubversie>", "<jw323:BerichtSubversie>1</jw323:BerichtSubversie>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(RuleCodes.Version, error.Rule);
        Assert.Equal("The header says release 3.1 (BerichtVersie 3, BerichtSubversie 1) but the namespace is release 3.2.", error.Explanation);
    }

    /// <summary>What every refusal of an unknown namespace ends with.</summary>
    private const string Supported =
        "301, 302, 305, 306, 307, 308, 315, 316, 317, 318, 319, 320, 323 and 325 of iJw and iWmo (releases 3.0 and 3.2); " +
        "303 and 304 of iJw and iWmo (releases 2.0, 2.1, 2.2, 2.3 and 2.4)";

    [Theory]
    [InlineData("http://www.istandaarden.nl/ijw/3_2/jw399/schema",
        "The namespace 'http://www.istandaarden.nl/ijw/3_2/jw399/schema' names message JW399 of ijw release 3.2, which this system does not read. It reads " + Supported + ".")]
    [InlineData("http://www.istandaarden.nl/ijw/3_1/jw323/schema",
        "The namespace 'http://www.istandaarden.nl/ijw/3_1/jw323/schema' names message JW323 of ijw release 3.1, which this system does not read. It reads " + Supported + ".")]
    [InlineData("http://www.istandaarden.nl/ijw/2_4/jw323/schema/2_4",
        "The namespace 'http://www.istandaarden.nl/ijw/2_4/jw323/schema/2_4' names message JW323 of ijw release 2.4, which this system does not read. It reads " + Supported + ".")]
    [InlineData("http://www.istandaarden.nl/IJW/3_2/JW323/schema",
        "The namespace 'http://www.istandaarden.nl/IJW/3_2/JW323/schema' is not recognised: iStandaarden namespaces are case-sensitive and lower case. This system reads " + Supported + ".")]
    [InlineData("urn:example:declaratie",
        "The namespace 'urn:example:declaratie' is not an iJw/iWmo message namespace (expected e.g. http://www.istandaarden.nl/ijw/3_2/jw323/schema). This system reads " + Supported + ".")]
    public void An_unknown_message_namespace_is_refused(string ns, string explanation)
    {
        var xml = Declaratie.ReplaceOnce("xmlns:jw323=\"http://www.istandaarden.nl/ijw/3_2/jw323/schema\"", $"xmlns:jw323=\"{ns}\"");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht", RuleCodes.UnknownMessage), (error.Path, error.Rule));
        Assert.Equal(explanation, error.Explanation);
    }

    [Fact]
    public void A_root_other_than_bericht_is_an_unknown_message()
    {
        var error = Assert.Single(Fixture.Refuse("<Declaratie xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw323/schema\"/>").Errors);

        Assert.Equal(("/Declaratie", RuleCodes.UnknownMessage), (error.Path, error.Rule));
    }

    [Fact]
    public void The_exception_message_names_the_source_and_the_first_error()
    {
        var xml = Declaratie.ReplaceOnce("<ijw:Bedrag>92000</ijw:Bedrag>", "");

        var refusal = Fixture.Refuse(xml);

        Assert.Equal("test.xml: /Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/IngediendBedrag/Bedrag: " +
                     "[SD-REQUIRED] The required element 'Bedrag' is missing from 'IngediendBedrag'.", refusal.Message);
    }

    /// <summary>A stream of a prefix followed by an endless fill byte, that cannot report its length.</summary>
    private sealed class UnseekableStream(byte[] prefix, byte fill) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++, _position++)
            {
                buffer[offset + i] = _position < prefix.Length ? prefix[_position] : fill;
            }
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
