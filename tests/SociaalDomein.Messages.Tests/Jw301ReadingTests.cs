using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Tests;

public sealed class Jw301ReadingTests
{
    [Fact]
    public void A_JW301_is_an_allocation_from_the_municipality_to_the_provider()
    {
        var toewijzing = Fixture.ReadToewijzing();

        Assert.Equal(MessageType.Toewijzing301, toewijzing.Type);
        Assert.True(toewijzing.SentByMunicipality);
        Assert.Equal("0268", toewijzing.MunicipalityCode);
        Assert.Equal("12345678", toewijzing.ProviderAgb);
        Assert.Equal(436, toewijzing.Header.BerichtCode);
        Assert.Equal("T2025050012", toewijzing.Header.Identificatie);
    }

    [Fact]
    public void The_one_client_has_bsn_and_birth_date_and_person_data_is_not_kept()
    {
        var client = Assert.Single(Fixture.ReadToewijzing().Clients);

        Assert.Equal(Fixture.Bsn("999900006"), client.Bsn);
        Assert.Equal(new DateOnly(2012, 7, 15), client.Geboortedatum);
        Assert.Equal(3, client.Producten.Count);
    }

    [Fact]
    public void An_allocation_with_omvang_is_read_completely()
    {
        var product = Fixture.ReadToewijzing().Clients[0].Producten[0];

        Assert.Equal(new ToegewezenProduct(
            ToewijzingNummer: 10072,
            ReferentieAanbieder: "REF-A-001",
            ProductCategorie: "45",
            ProductCode: "45A03",
            Toewijzingsdatum: new DateOnly(2025, 3, 28),
            Toewijzingstijd: new TimeOnly(14, 30, 0),
            Ingangsdatum: new DateOnly(2025, 4, 1),
            Einddatum: new DateOnly(2025, 12, 31),
            RedenWijziging: null,
            Omvang: new Omvang(Volume: 4, Eenheid: "04", Frequentie: "2"),
            BudgetCents: null), product);
    }

    [Fact]
    public void A_budget_allocation_has_a_budget_in_eurocent_and_no_omvang()
    {
        var product = Fixture.ReadToewijzing().Clients[0].Producten[1];

        Assert.Equal(250_000, product.BudgetCents);
        Assert.Null(product.Omvang);
        Assert.Equal("50", product.ProductCategorie);
        Assert.Null(product.ProductCode);
        Assert.Null(product.Einddatum);
        Assert.Null(product.ReferentieAanbieder);
        Assert.Equal(new TimeOnly(14, 30, 5), product.Toewijzingstijd);
    }

    [Fact]
    public void A_deleted_allocation_carries_reden_wijziging_13()
    {
        var product = Fixture.ReadToewijzing().Clients[0].Producten[2];

        Assert.Equal(10060, product.ToewijzingNummer);
        Assert.Equal("13", product.RedenWijziging);
        Assert.Equal(new Omvang(30, "14", "4"), product.Omvang);
        Assert.Equal(new DateOnly(2025, 4, 30), product.Einddatum);
    }

    [Fact]
    public void A_toewijzingstijd_may_carry_fractions_of_a_second()
    {
        var xml = Fixture.Text(Fixture.Toewijzing).ReplaceOnce("<jw301:Toewijzingstijd>09:15:00</jw301:Toewijzingstijd>",
            "<jw301:Toewijzingstijd>09:15:00.25</jw301:Toewijzingstijd>");

        var product = Assert.IsType<ToewijzingMessage>(Fixture.Read(xml)).Clients[0].Producten[2];

        Assert.Equal(new TimeOnly(9, 15, 0, 250), product.Toewijzingstijd);
    }
}
