using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Tests;

/// <summary>The iWmo 301 and 323, the 302 retour and the 325 Declaratie-antwoord.</summary>
public sealed class WmoAndAnswerReadingTests
{
    [Fact]
    public void A_WMO301_allocates_an_amount_in_euros_per_month()
    {
        var toewijzing = Fixture.Read<ToewijzingMessage>("wmo301-toewijzing.xml");

        Assert.Equal((Standard.IWmo, MessageType.Toewijzing301, 414), (toewijzing.Standard, toewijzing.Type, toewijzing.Header.BerichtCode));
        Assert.Equal(("0296", "87654321"), (toewijzing.MunicipalityCode, toewijzing.ProviderAgb));
        var client = Assert.Single(toewijzing.Clients);
        Assert.Equal((Fixture.Bsn("999900031"), new DateOnly(1948, 2, 29)), (client.Bsn, client.Geboortedatum));
        Assert.Equal(new ToegewezenProduct(20031, null, "01", "01A01", new DateOnly(2024, 10, 28), new TimeOnly(10, 0),
            new DateOnly(2024, 11, 1), new DateOnly(2025, 5, 31), "07", new Omvang(18_000, "83", "4"), null), Assert.Single(client.Producten));
    }

    [Fact]
    public void An_iJw_product_category_is_refused_in_an_iWmo_message()
    {
        var xml = Fixture.Text("wmo301-toewijzing.xml").ReplaceOnce("<iwmo:Categorie>01</iwmo:Categorie>", "<iwmo:Categorie>45</iwmo:Categorie>");

        var error = Assert.Single(Fixture.Refuse(xml).Errors);

        Assert.Equal(("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Product/Categorie", Reading.RuleCodes.Code), (error.Path, error.Rule));
        Assert.StartsWith("'45' is not a valid Categorie: expected a code of list WMO020 (01 hulp bij het huishouden, 02 begeleiding,", error.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_WMO323_declares_euros_dagdelen_and_a_credit_with_exact_amounts()
    {
        var declaratie = Fixture.Read<DeclaratieMessage>("wmo323-mei-2025.xml");

        Assert.Equal((Standard.IWmo, "0296", "87654321", "W202505"), (declaratie.Standard, declaratie.MunicipalityCode, declaratie.ProviderAgb, declaratie.DeclaratieNummer));
        Assert.Equal((new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), 47_700L),
            (declaratie.PeriodeBegin, declaratie.PeriodeEinde, declaratie.TotaalIngediendBedragCents));
        Assert.Equal([18_000L, 39_600L, -9_900L], declaratie.Lines.Select(l => l.Prestatie.SignedAmountCents));
        var euros = declaratie.Clients[0].Prestaties[0];
        Assert.Equal(("83", null, 18_000L), (euros.Eenheid, euros.ProductTariefCents, euros.GeleverdVolume));
        var credit = declaratie.Clients[0].Prestaties[2];
        Assert.Equal(("W-2505-03", "W-2505-00", DebetCredit.Credit), (credit.ReferentieNummer, credit.VorigReferentieNummer, credit.DebetCredit));
    }

    [Fact]
    public void A_JW302_is_sent_by_the_provider_and_names_the_301_it_answers()
    {
        var retour = Fixture.Read<ToewijzingRetourMessage>("jw302-toewijzing-retour.xml");

        Assert.False(retour.SentByMunicipality);
        Assert.Equal(("0268", "12345678"), (retour.MunicipalityCode, retour.ProviderAgb));
        Assert.Equal(new MessageKey(Standard.IJw, MessageType.Toewijzing301, "0268", "T2025050012"), retour.OriginalMessageKey);
        Assert.Equal(new MessageKey(Standard.IJw, MessageType.ToewijzingRetour302, "12345678", "RT-88120"), retour.Key);
        Assert.Equal(["9332"], retour.RetourCodes.For("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]"));
        Assert.Equal([10072L, 10074L], retour.Client!.Producten.Select(p => p.ToewijzingNummer));
    }

    [Fact]
    public void A_JW325_links_to_the_323_by_DeclaratieIdentificatie_and_lists_the_rejected_line()
    {
        var antwoord = Fixture.Read<DeclaratieAntwoordMessage>("jw325-declaratie-antwoord.xml");

        Assert.Equal((true, "0268", "12345678"), (antwoord.SentByMunicipality, antwoord.MunicipalityCode, antwoord.ProviderAgb));
        Assert.Equal(new MessageKey(Standard.IJw, MessageType.DeclaratieAntwoord325, "0268", "DA-2025-0515"), antwoord.Key);
        Assert.Equal(new MessageKey(Standard.IJw, MessageType.Declaratie323, "12345678", "D2025050006"), antwoord.OriginalMessageKey);
        Assert.Equal(new MessageIdentity("D2025050006", new DateOnly(2025, 5, 6)), antwoord.DeclaratieIdentificatie);
        Assert.Equal(("DN202504001", 900_200L, 165_000L), (antwoord.Antwoord!.DeclaratieNummer, antwoord.Antwoord.TotaalIngediendBedragCents, antwoord.Antwoord.TotaalToegekendBedragCents));
        Assert.False(antwoord.FullyApproved);
        var (client, rejected) = Assert.Single(antwoord.RejectedLines);
        Assert.Equal(Fixture.Bsn("999900006"), client.Bsn);
        Assert.Equal(("P2025040002", 735_000L), (rejected.Prestatie.ReferentieNummer, rejected.Prestatie.IngediendBedragCents));
        Assert.Equal(["9338", "9384"], rejected.RetourCodes);
    }

    [Fact]
    public void A_fully_approved_325_has_8001_and_no_clients()
    {
        var xml = Fixture.Text("jw325-declaratie-antwoord.xml");
        var start = xml.IndexOf("<jw325:Clienten>", StringComparison.Ordinal);
        var end = xml.IndexOf("</jw325:Clienten>", StringComparison.Ordinal) + "</jw325:Clienten>".Length;
        xml = string.Concat(xml.AsSpan(0, start), xml.AsSpan(end))
            .Replace("<jw325:RetourCode>0200</jw325:RetourCode>\n    </jw325:RetourCodes>\n  </jw325:DeclaratieAntwoord>",
                "<jw325:RetourCode>8001</jw325:RetourCode>\n    </jw325:RetourCodes>\n  </jw325:DeclaratieAntwoord>", StringComparison.Ordinal);

        var antwoord = Assert.IsType<DeclaratieAntwoordMessage>(Fixture.Read(xml));

        Assert.True(antwoord.FullyApproved);
        Assert.Empty(antwoord.RejectedLines);
    }
}
