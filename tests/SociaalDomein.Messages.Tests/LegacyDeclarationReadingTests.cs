using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Tests;

/// <summary>The legacy 303D/303F and 304 of releases 2.x.</summary>
public sealed class LegacyDeclarationReadingTests
{
    [Fact]
    public void A_WMO303D_of_release_2_4_is_a_declaratie_with_its_lines_and_total()
    {
        var legacy = Fixture.Read<DeclaratieFactuurMessage>("wmo303d-2020.xml");

        Assert.Equal((Standard.IWmo, MessageType.DeclaratieFactuur303, DeclaratieFactuurSoort.Declaratie), (legacy.Standard, legacy.Type, legacy.Soort));
        Assert.Equal((2, 4, "0296", "87654321", false), (legacy.Header.BerichtVersie, legacy.Header.BerichtSubversie, legacy.MunicipalityCode, legacy.ProviderAgb, legacy.SentByMunicipality));
        Assert.Equal(new MessageKey(Standard.IWmo, MessageType.DeclaratieFactuur303, "87654321", "D303-2011"), legacy.Key);
        Assert.Equal(("DF2020-11", new DateOnly(2020, 11, 1), new DateOnly(2020, 11, 30), 52_800L),
            (legacy.Declaratie.DeclaratieFactuurNummer, legacy.Declaratie.PeriodeBegin, legacy.Declaratie.PeriodeEinde, legacy.Declaratie.TotaalBedragCents));
        var (client, prestatie) = Assert.Single(legacy.Declaratie.Lines);
        Assert.Equal(Fixture.Bsn("999900079"), client.Bsn);
        Assert.Equal(new Prestatie("L2011-001", null, 9001, "02", "02A01", new DateOnly(2020, 11, 1), new DateOnly(2020, 11, 30),
            8, "04", 6_600, 52_800, DebetCredit.Debet), prestatie);
    }

    [Fact]
    public void A_JW303F_of_release_2_3_is_a_factuur_over_a_quarter()
    {
        var legacy = Fixture.Read<DeclaratieFactuurMessage>("jw303f-2019.xml");

        Assert.Equal((Standard.IJw, DeclaratieFactuurSoort.Factuur, 450), (legacy.Standard, legacy.Soort, legacy.Header.BerichtCode));
        Assert.Equal(("", ""), (legacy.Header.BasisschemaXsdVersie, legacy.Header.BerichtXsdVersie));
        Assert.Equal((new DateOnly(2019, 1, 1), new DateOnly(2019, 3, 31), 360_000L),
            (legacy.Declaratie.PeriodeBegin, legacy.Declaratie.PeriodeEinde, legacy.Declaratie.TotaalBedragCents));
        Assert.Equal([186_000L, 168_000L, 6_000L], legacy.Declaratie.Lines.Select(l => l.Prestatie.SignedAmountCents));
    }

    [Fact]
    public void A_WMO304_returns_the_303_with_the_awarded_amounts()
    {
        var retour = Fixture.Read<DeclaratieFactuurRetourMessage>("wmo304-2020.xml");

        Assert.True(retour.SentByMunicipality);
        Assert.Equal(("0296", "87654321"), (retour.MunicipalityCode, retour.ProviderAgb));
        Assert.Equal(new MessageKey(Standard.IWmo, MessageType.DeclaratieFactuur303, "87654321", "D303-2011"), retour.OriginalMessageKey);
        Assert.Equal(new MessageKey(Standard.IWmo, MessageType.DeclaratieFactuurRetour304, "0296", "R304-12"), retour.Key);
        Assert.Equal(39_600L, retour.TotaalToegekendBedragCents);
        Assert.Equal(39_600L, retour.ToegekendBedragen["L2011-001"]);
        Assert.Equal(["9321"], retour.RetourCodes.For("/Bericht/Clienten/Client[1]/Prestaties/Prestatie[1]"));
        Assert.Null(retour.Retour.XsdVersieRetour);
    }

    [Fact]
    public void A_303_in_a_3_2_namespace_is_not_a_message_of_release_3_2()
    {
        var xml = Fixture.Text("wmo303d-2020.xml")
            .Replace("2_4/wmo303/schema/2_4", "3_2/wmo303/schema", StringComparison.Ordinal);

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht", Reading.RuleCodes.UnknownMessage), (error.Path, error.Rule));
        Assert.StartsWith("The namespace 'http://www.istandaarden.nl/iwmo/3_2/wmo303/schema' names message WMO303 of iwmo release 3.2, which this system does not read.",
            error.Explanation, StringComparison.Ordinal);
    }
}
