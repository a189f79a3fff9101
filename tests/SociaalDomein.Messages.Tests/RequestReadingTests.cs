using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Tests;

/// <summary>315 Verzoek om toewijzing, 317 Verzoek om wijziging, 319 Antwoord and their retours.</summary>
public sealed class RequestReadingTests
{
    [Fact]
    public void A_JW315_asks_for_products_with_referrer_and_keeps_gezagsdrager()
    {
        var verzoek = Fixture.Read<VerzoekOmToewijzingMessage>("jw315-verzoek-om-toewijzing.xml");

        Assert.Equal((false, "0209", "12345678"), (verzoek.SentByMunicipality, verzoek.MunicipalityCode, verzoek.ProviderAgb));
        Assert.Equal((Fixture.Bsn("999900043"), new DateOnly(2014, 1, 20), "1"),
            (verzoek.Client.Bsn, verzoek.Client.Geboortedatum, verzoek.Client.GezagsdragerBekend));
        Assert.Equal(
            [
                new AangevraagdProduct("VOT-A-0001", null, "45", "45A03", null, new DateOnly(2025, 4, 1), new DateOnly(2025, 9, 30),
                    new Omvang(3, "04", "2"), null, new Verwijzer("02", "01999999"), null),
                new AangevraagdProduct("VOT-A-0002", null, "50", null, null, new DateOnly(2025, 4, 1), null,
                    null, 480_000, new Verwijzer("01", null), "2"),
            ],
            verzoek.Client.Producten);
    }

    [Fact]
    public void GezagsdragerBekend_does_not_exist_in_iWmo()
    {
        var xml = Fixture.Text("wmo316-verzoek-om-toewijzing-retour.xml")
            .ReplaceOnce("</wmo316:Naam>", "</wmo316:Naam>\n    <wmo316:GezagsdragerBekend>1</wmo316:GezagsdragerBekend>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht/Client/GezagsdragerBekend", Reading.RuleCodes.Structure), (error.Path, error.Rule));
    }

    [Fact]
    public void A_WMO316_gives_the_refused_product_its_retourcode()
    {
        var retour = Fixture.Read<VerzoekOmToewijzingRetourMessage>("wmo316-verzoek-om-toewijzing-retour.xml");

        Assert.Equal(new MessageKey(Standard.IWmo, MessageType.VerzoekOmToewijzing315, "87654321", "VOT-W-0007"), retour.OriginalMessageKey);
        Assert.Equal(new MessageKey(Standard.IWmo, MessageType.VerzoekOmToewijzingRetour316, "0225", "R316-0003"), retour.Key);
        Assert.Equal(["S329"], retour.RetourCodes.For("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]"));
        var product = Assert.Single(retour.Client!.Producten);
        Assert.Equal(("02", "02A07", new Omvang(2, "16", "2")), (product.ProductCategorie, product.ProductCode, product.Omvang));
    }

    [Fact]
    public void A_WMO317_lists_unchanged_changed_and_new_products()
    {
        var wijziging = Fixture.Read<VerzoekOmWijzigingMessage>("wmo317-verzoek-om-wijziging.xml");

        Assert.Equal((Standard.IWmo, "0252", "87654321"), (wijziging.Standard, wijziging.MunicipalityCode, wijziging.ProviderAgb));
        var verzoek = wijziging.Verzoek;
        Assert.Equal((Fixture.Bsn("999900067"), "VOW-0311-A", "2"), (verzoek.Bsn, verzoek.ReferentieAanbieder, verzoek.RedenVerzoek));
        Assert.Equal([30001L], verzoek.OngewijzigdeProducten);
        Assert.Equal([new TeWijzigenProduct(30002, new DateOnly(2025, 6, 1), new DateOnly(2025, 12, 31), new Omvang(6, "04", "2"), null)],
            verzoek.TeWijzigenProducten);
        Assert.Equal([new NieuwProduct("07", "07A02", new DateOnly(2025, 6, 1), null, new Omvang(4, "16", "2"), null)], verzoek.NieuweProducten);
    }

    [Fact]
    public void A_JW318_puts_9351_on_the_product_to_change()
    {
        var retour = Fixture.Read<VerzoekOmWijzigingRetourMessage>("jw318-verzoek-om-wijziging-retour.xml");

        Assert.True(retour.SentByMunicipality);
        Assert.Equal(new MessageKey(Standard.IJw, MessageType.VerzoekOmWijziging317, "12345678", "VOW-2025-002"), retour.OriginalMessageKey);
        Assert.Equal(["9351"], retour.RetourCodes.For("/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[1]"));
        Assert.Equal(["0200"], retour.RetourCodes.For("/Bericht/Client/Verzoek"));
        Assert.Equal(300_000, Assert.Single(retour.Verzoek!.TeWijzigenProducten).BudgetCents);
    }

    [Fact]
    public void A_JW319_rejects_a_request_and_names_the_responsible_municipality()
    {
        var antwoord = Fixture.Read<AntwoordMessage>("jw319-antwoord.xml");

        Assert.Equal((true, "0944", "12345678"), (antwoord.SentByMunicipality, antwoord.MunicipalityCode, antwoord.ProviderAgb));
        Assert.Equal(new Antwoord("VOT-A-0009", "1", "8", "1945"), antwoord.Antwoord);
    }

    [Fact]
    public void A_WMO320_is_sent_by_the_provider_although_its_header_names_the_municipality_as_afzender()
    {
        var retour = Fixture.Read<AntwoordRetourMessage>("wmo320-antwoord-retour.xml");

        Assert.Equal("1945", retour.Header.Afzender);
        Assert.False(retour.SentByMunicipality);
        Assert.Equal(("1945", "87654321", "87654321"), (retour.MunicipalityCode, retour.ProviderAgb, retour.SenderCode));
        Assert.Equal(new MessageKey(Standard.IWmo, MessageType.Antwoord319, "1945", "ANT-W-31"), retour.OriginalMessageKey);
        Assert.Equal(new Antwoord("VOT-W-0007-1", "2", null, null), retour.Antwoord);
        Assert.Equal(["0200"], retour.RetourCodes.For("/Bericht/Antwoord"));
    }
}
