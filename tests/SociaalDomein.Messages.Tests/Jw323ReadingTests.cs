using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Tests;

public sealed class Jw323ReadingTests
{
    [Fact]
    public void A_JW323_is_a_declaration_from_the_provider_to_the_municipality()
    {
        var declaratie = Fixture.ReadDeclaratie();

        Assert.Equal(Standard.IJw, declaratie.Standard);
        Assert.Equal(MessageType.Declaratie323, declaratie.Type);
        Assert.False(declaratie.SentByMunicipality);
        Assert.Equal("12345678", declaratie.ProviderAgb);
        Assert.Equal("0268", declaratie.MunicipalityCode);
        Assert.Equal(new MessageKey(Standard.IJw, MessageType.Declaratie323, "12345678", "D2025050006"), declaratie.Key);
    }

    [Fact]
    public void The_header_is_read_field_by_field()
    {
        var header = Fixture.ReadDeclaratie().Header;

        Assert.Equal(new MessageHeader(
            BerichtCode: 490,
            BerichtVersie: 3,
            BerichtSubversie: 2,
            Afzender: "12345678",
            Ontvanger: "0268",
            Identificatie: "D2025050006",
            Dagtekening: new DateOnly(2025, 5, 6),
            BasisschemaXsdVersie: "1.0.0",
            BerichtXsdVersie: "1.0.0"), header);
    }

    [Fact]
    public void Number_period_dagtekening_and_total_of_the_declaration_are_exact()
    {
        var declaratie = Fixture.ReadDeclaratie();

        Assert.Equal("DN202504001", declaratie.DeclaratieNummer);
        Assert.Equal(new DateOnly(2025, 4, 1), declaratie.PeriodeBegin);
        Assert.Equal(new DateOnly(2025, 4, 30), declaratie.PeriodeEinde);
        Assert.Equal(new DateOnly(2025, 5, 6), declaratie.DeclaratieDagtekening);
        Assert.Equal(900_200, declaratie.TotaalIngediendBedragCents);
    }

    [Fact]
    public void Clients_and_prestaties_keep_message_order()
    {
        var declaratie = Fixture.ReadDeclaratie();

        Assert.Equal([Fixture.Bsn("999900006"), Fixture.Bsn("999900018")], declaratie.Clients.Select(c => c.Bsn));
        Assert.Equal(
            ["P2025040001", "P2025040002", "P2025040003", "P2025040004", "P2025040005"],
            declaratie.Lines.Select(l => l.Prestatie.ReferentieNummer));
    }

    [Fact]
    public void A_prestatie_keeps_codes_with_leading_zeros_and_amounts_in_eurocent()
    {
        var first = Fixture.ReadDeclaratie().Clients[0].Prestaties[0];

        Assert.Equal(new Prestatie(
            ReferentieNummer: "P2025040001",
            VorigReferentieNummer: null,
            ToewijzingNummer: 10072,
            ProductCategorie: "45",
            ProductCode: "45A03",
            ProductPeriodeBegin: new DateOnly(2025, 4, 1),
            ProductPeriodeEinde: new DateOnly(2025, 4, 30),
            GeleverdVolume: 16,
            Eenheid: "04",
            ProductTariefCents: 8950,
            IngediendBedragCents: 143_200,
            DebetCredit: DebetCredit.Debet), first);
    }

    [Fact]
    public void A_credit_line_is_negative_and_names_the_debit_it_cancels()
    {
        var credit = Fixture.ReadDeclaratie().Clients[1].Prestaties[0];

        Assert.Equal(DebetCredit.Credit, credit.DebetCredit);
        Assert.Equal("P2025030017", credit.VorigReferentieNummer);
        Assert.Equal(115_000, credit.IngediendBedragCents);
        Assert.Equal(-115_000, credit.SignedAmountCents);
        Assert.Equal(new DateOnly(2025, 3, 1), credit.ProductPeriodeBegin);
    }

    [Fact]
    public void With_eenheid_83_the_volume_is_eurocent_and_there_is_no_tariff()
    {
        var euros = Fixture.ReadDeclaratie().Clients[1].Prestaties[2];

        Assert.Equal("83", euros.Eenheid);
        Assert.Null(euros.ProductTariefCents);
        Assert.Equal(45_000, euros.GeleverdVolume);
        Assert.Equal(45_000, euros.IngediendBedragCents);
    }

    [Fact]
    public void The_declared_total_equals_debits_minus_credits()
    {
        var declaratie = Fixture.ReadDeclaratie();

        // 143 200 + 735 000 − 115 000 + 92 000 + 45 000
        Assert.Equal(900_200, declaratie.Lines.Sum(l => l.Prestatie.SignedAmountCents));
        Assert.Equal(declaratie.TotaalIngediendBedragCents, declaratie.Lines.Sum(l => l.Prestatie.SignedAmountCents));
    }

    [Fact]
    public void A_credit_total_is_negative()
    {
        var xml = Fixture.Text(Fixture.Declaratie)
            .ReplaceOnce("<ijw:TotaalBedrag>900200</ijw:TotaalBedrag>\n      <ijw:DebetCredit>D</ijw:DebetCredit>",
                         "<ijw:TotaalBedrag>900200</ijw:TotaalBedrag>\n      <ijw:DebetCredit>C</ijw:DebetCredit>");

        Assert.Equal(-900_200, Assert.IsType<DeclaratieMessage>(Fixture.Read(xml)).TotaalIngediendBedragCents);
    }

    [Fact]
    public void Namespace_prefixes_are_the_senders_choice()
    {
        // Message namespace as default namespace, basisschema under another prefix: the same message.
        var xml = Fixture.Text(Fixture.Declaratie)
            .Replace("jw323:", "", StringComparison.Ordinal)
            .Replace("xmlns:jw323=", "xmlns=", StringComparison.Ordinal)
            .Replace("ijw:", "basis:", StringComparison.Ordinal)
            .Replace("xmlns:ijw=", "xmlns:basis=", StringComparison.Ordinal);

        MessageAssert.Equivalent(Fixture.ReadDeclaratie(), Fixture.Read(xml));
    }

    [Fact]
    public void Attributes_such_as_a_schema_location_are_ignored()
    {
        var xml = Fixture.Text(Fixture.Declaratie).ReplaceOnce(
            "<jw323:Bericht ",
            "<jw323:Bericht xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.istandaarden.nl/ijw/3_2/jw323/schema JW323.xsd\" ");

        MessageAssert.Equivalent(Fixture.ReadDeclaratie(), Fixture.Read(xml));
    }

    [Fact]
    public void Release_3_0_is_read_from_its_own_namespace()
    {
        var xml = Fixture.Text(Fixture.Declaratie)
            .Replace("/3_2/", "/3_0/", StringComparison.Ordinal)
            .ReplaceOnce("<jw323:BerichtSubversie>2</jw323:BerichtSubversie>", "<jw323:BerichtSubversie>0</jw323:BerichtSubversie>");

        var declaratie = Assert.IsType<DeclaratieMessage>(Fixture.Read(xml));

        Assert.Equal((3, 0), (declaratie.Header.BerichtVersie, declaratie.Header.BerichtSubversie));
        Assert.Equal(900_200, declaratie.TotaalIngediendBedragCents);
    }

    [Fact]
    public void A_stream_reads_the_same_as_bytes()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", Fixture.Declaratie));

        MessageAssert.Equivalent(Fixture.ReadDeclaratie(), Reading.MessageReader.Read(stream, Fixture.Declaratie));
    }
}
