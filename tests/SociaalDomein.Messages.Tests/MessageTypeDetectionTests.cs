using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;

namespace SociaalDomein.Messages.Tests;

/// <summary>Standard, type and release come from the root namespace and must agree with the BerichtCode; direction from the type.</summary>
public sealed class MessageTypeDetectionTests
{
    public static TheoryData<string, Standard, MessageType, int, bool> Fixtures => new()
    {
        { "jw301-toewijzing.xml", Standard.IJw, MessageType.Toewijzing301, 436, true },
        { "jw302-toewijzing-retour.xml", Standard.IJw, MessageType.ToewijzingRetour302, 437, false },
        { "jw303f-2019.xml", Standard.IJw, MessageType.DeclaratieFactuur303, 450, false },
        { "wmo303d-2020.xml", Standard.IWmo, MessageType.DeclaratieFactuur303, 416, false },
        { "wmo304-2020.xml", Standard.IWmo, MessageType.DeclaratieFactuurRetour304, 417, true },
        { "jw305-start.xml", Standard.IJw, MessageType.StartZorg305, 438, false },
        { "jw306-start-retour.xml", Standard.IJw, MessageType.StartZorgRetour306, 439, true },
        { "wmo307-stop.xml", Standard.IWmo, MessageType.StopZorg307, 420, false },
        { "wmo308-stop-retour.xml", Standard.IWmo, MessageType.StopZorgRetour308, 421, true },
        { "jw315-verzoek-om-toewijzing.xml", Standard.IJw, MessageType.VerzoekOmToewijzing315, 446, false },
        { "wmo316-verzoek-om-toewijzing-retour.xml", Standard.IWmo, MessageType.VerzoekOmToewijzingRetour316, 445, true },
        { "wmo317-verzoek-om-wijziging.xml", Standard.IWmo, MessageType.VerzoekOmWijziging317, 480, false },
        { "jw318-verzoek-om-wijziging-retour.xml", Standard.IJw, MessageType.VerzoekOmWijzigingRetour318, 487, true },
        { "jw319-antwoord.xml", Standard.IJw, MessageType.Antwoord319, 488, true },
        { "wmo320-antwoord-retour.xml", Standard.IWmo, MessageType.AntwoordRetour320, 483, false },
        { "jw323-april-2025.xml", Standard.IJw, MessageType.Declaratie323, 490, false },
        { "wmo323-mei-2025.xml", Standard.IWmo, MessageType.Declaratie323, 484, false },
        { "jw325-declaratie-antwoord.xml", Standard.IJw, MessageType.DeclaratieAntwoord325, 491, true },
        { "wmo301-toewijzing.xml", Standard.IWmo, MessageType.Toewijzing301, 414, true },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_message_is_recognised_with_its_standard_type_code_and_direction(string file, Standard standard, MessageType type, int code, bool byMunicipality)
    {
        var message = Fixture.Read(Fixture.Text(file));

        Assert.Equal((standard, type, code, byMunicipality), (message.Standard, message.Type, message.Header.BerichtCode, message.SentByMunicipality));
        Assert.Matches("^[0-9]{4}$", message.MunicipalityCode);
        Assert.Matches("^[0-9]{8}$", message.ProviderAgb);
    }

    [Fact]
    public void A_BerichtCode_of_the_other_standard_is_named_and_refused()
    {
        var xml = Fixture.Text(Fixture.Declaratie).ReplaceOnce("<jw323:BerichtCode>490</jw323:BerichtCode>", "<jw323:BerichtCode>484</jw323:BerichtCode>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht/Header/BerichtCode", RuleCodes.UnknownMessage), (error.Path, error.Rule));
        Assert.Equal("The namespace says this is a JW323 (BerichtCode 490), but the header has BerichtCode 484 (WMO323, a message of iWmo). " +
                     "The message type is ambiguous, so it was not read.", error.Explanation);
    }

    [Fact]
    public void A_legacy_303_accepts_both_the_declaratie_and_the_factuur_code_and_nothing_else()
    {
        var xml = Fixture.Text("wmo303d-2020.xml").ReplaceOnce("<wmo303:BerichtCode>416</wmo303:BerichtCode>", "<wmo303:BerichtCode>417</wmo303:BerichtCode>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal("The namespace says this is a WMO303 (BerichtCode 416 or 448), but the header has BerichtCode 417 (WMO304D). " +
                     "The message type is ambiguous, so it was not read.", error.Explanation);
        var factuur = Fixture.Text("wmo303d-2020.xml").ReplaceOnce("<wmo303:BerichtCode>416</wmo303:BerichtCode>", "<wmo303:BerichtCode>448</wmo303:BerichtCode>");
        Assert.Equal(DeclaratieFactuurSoort.Factuur, Assert.IsType<DeclaratieFactuurMessage>(Fixture.Read(factuur)).Soort);
    }

    [Fact]
    public void A_retour_whose_copied_header_has_the_parties_the_wrong_way_round_is_refused()
    {
        // A 306 copies the 305 header: Afzender is the provider's AGB code, not the municipality.
        var xml = Fixture.Text("jw306-start-retour.xml")
            .ReplaceOnce("<jw306:Afzender>12345678</jw306:Afzender>", "<jw306:Afzender>0268</jw306:Afzender>")
            .ReplaceOnce("<jw306:Ontvanger>0268</jw306:Ontvanger>", "<jw306:Ontvanger>12345678</jw306:Ontvanger>");

        var errors = Fixture.Refuse(xml).Errors;

        Assert.Equal([("/Bericht/Header/Afzender", RuleCodes.Code), ("/Bericht/Header/Ontvanger", RuleCodes.Code)], errors.Select(e => (e.Path, e.Rule)));
    }

    [Fact]
    public void The_release_in_a_2_x_header_must_match_its_namespace()
    {
        var xml = Fixture.Text("jw303f-2019.xml").ReplaceOnce("<jw303:BerichtSubversie>3</jw303:BerichtSubversie>", "<jw303:BerichtSubversie>4</jw303:BerichtSubversie>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal((RuleCodes.Version, "The header says release 2.4 (BerichtVersie 2, BerichtSubversie 4) but the namespace is release 2.3."), (error.Rule, error.Explanation));
    }

    [Fact]
    public void The_code_table_has_a_code_per_message_type_for_both_standards()
    {
        Assert.Equal(14 + 4, Enum.GetValues<MessageType>().Sum(t => BerichtCodes.All(Standard.IJw, t).Count));
        Assert.Equal(484, BerichtCodes.Of(Standard.IWmo, MessageType.Declaratie323));
        Assert.Equal(450, BerichtCodes.Of(Standard.IJw, MessageType.DeclaratieFactuur303, DeclaratieFactuurSoort.Factuur));
        Assert.Equal("JW304F", BerichtCodes.NameOf(Standard.IJw, 451));
    }
}
