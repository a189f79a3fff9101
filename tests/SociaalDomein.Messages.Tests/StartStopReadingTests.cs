using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Tests;

/// <summary>305 Start zorg and 307 Stop zorg with their retours 306 and 308.</summary>
public sealed class StartStopReadingTests
{
    [Fact]
    public void A_JW305_is_a_start_from_the_provider_with_its_started_products()
    {
        var start = Fixture.Read<StartZorgMessage>("jw305-start.xml");

        Assert.Equal((Standard.IJw, MessageType.StartZorg305, false), (start.Standard, start.Type, start.SentByMunicipality));
        Assert.Equal(("0268", "12345678"), (start.MunicipalityCode, start.ProviderAgb));
        Assert.Equal(new MessageKey(Standard.IJw, MessageType.StartZorg305, "12345678", "S2025040003"), start.Key);
        Assert.Equal(Fixture.Bsn("999900006"), start.Client.Bsn);
        Assert.Equal(new DateOnly(2012, 7, 15), start.Client.Geboortedatum);
        Assert.Equal(
            [
                new StartProduct(10072, "45", "45A03", new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 2), "1"),
                new StartProduct(10074, null, null, null, new DateOnly(2025, 4, 7), "3"),
            ],
            start.Client.Producten);
    }

    [Fact]
    public void A_WMO307_stop_reads_reden_beeindiging_from_the_iWmo_list()
    {
        var stop = Fixture.Read<StopZorgMessage>("wmo307-stop.xml");

        Assert.Equal((Standard.IWmo, 420, "0296", "87654321"), (stop.Standard, stop.Header.BerichtCode, stop.MunicipalityCode, stop.ProviderAgb));
        var product = Assert.Single(stop.Client.Producten);
        Assert.Equal(new StopProduct(20031, "01", "01A01", new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 4), "31",
            new DateOnly(2025, 5, 31), "1"), product);
        // "31" is a move to another municipality in iWmo, but "according to plan" in iJw: two lists, never one enum.
        Assert.Equal("verhuizing naar een andere gemeente", Codes.StandardCodeLists.IWmo.RedenBeeindiging.Meaning("31"));
        Assert.Equal("volgens plan beëindigd", Codes.StandardCodeLists.IJw.RedenBeeindiging.Meaning("31"));
    }

    [Fact]
    public void A_reden_beeindiging_of_the_other_standard_is_refused()
    {
        // 19 (according to plan) exists in iWmo only.
        var xml = Fixture.Text("wmo307-stop.xml")
            .Replace("iwmo/3_2/wmo307", "ijw/3_2/jw307", StringComparison.Ordinal)
            .Replace("iwmo/3_2/basisschema", "ijw/3_2/basisschema", StringComparison.Ordinal)
            .ReplaceOnce("<wmo307:BerichtCode>420</wmo307:BerichtCode>", "<wmo307:BerichtCode>440</wmo307:BerichtCode>")
            .ReplaceOnce("<iwmo:Categorie>01</iwmo:Categorie>", "<iwmo:Categorie>45</iwmo:Categorie>")
            .ReplaceOnce("<wmo307:RedenBeeindiging>31</wmo307:RedenBeeindiging>", "<wmo307:RedenBeeindiging>19</wmo307:RedenBeeindiging>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht/Client/StopProducten/StopProduct[1]/RedenBeeindiging", Reading.RuleCodes.Code), (error.Path, error.Rule));
        Assert.StartsWith("'19' is not a valid RedenBeeindiging: expected a code of list JZ588 (02 overlijden, 20 tijdelijk beëindigd,", error.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_JW306_copies_the_305_header_and_links_to_it_with_retourcodes_per_product()
    {
        var retour = Fixture.Read<StartZorgRetourMessage>("jw306-start-retour.xml");

        Assert.True(retour.SentByMunicipality);
        Assert.Equal(("0268", "12345678", "0268"), (retour.MunicipalityCode, retour.ProviderAgb, retour.SenderCode));
        Assert.Equal(new MessageKey(Standard.IJw, MessageType.StartZorg305, "12345678", "S2025040003"), retour.OriginalMessageKey);
        Assert.Equal(new MessageKey(Standard.IJw, MessageType.StartZorgRetour306, "0268", "R306-000017"), retour.Key);
        Assert.Equal(new RetourHeader("R306-000017", new DateOnly(2025, 4, 7), "1.0.1", new XsdVersie("1.0.0", "1.0.0"), []),
            retour.Retour with { RetourCodes = [] });
        Assert.Equal(["0200"], retour.RetourCodes.For("/Bericht/Client/StartProducten/StartProduct[1]"));
        Assert.Equal(["9019", "9063"], retour.RetourCodes.For("/Bericht/Client/StartProducten/StartProduct[2]"));
        Assert.Equal(["0200"], retour.RetourCodes.For("/Bericht/Client"));
        Assert.Equal(2, retour.Client!.Producten.Count);
    }

    [Fact]
    public void A_WMO308_refusing_the_whole_307_has_its_codes_on_the_header_and_no_client()
    {
        var retour = Fixture.Read<StopZorgRetourMessage>("wmo308-stop-retour.xml");

        Assert.Null(retour.Client);
        Assert.Equal(["0001"], retour.Retour.RetourCodes);
        Assert.Empty(retour.RetourCodes.Entries);
        Assert.Equal(new MessageKey(Standard.IWmo, MessageType.StopZorg307, "87654321", "STOP-0042"), retour.OriginalMessageKey);
        Assert.Equal(("0296", "87654321"), (retour.MunicipalityCode, retour.ProviderAgb));
    }
}
