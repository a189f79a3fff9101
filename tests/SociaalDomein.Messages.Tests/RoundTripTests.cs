using System.Text;
using System.Xml;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Writing;

namespace SociaalDomein.Messages.Tests;

public sealed class RoundTripTests
{
    [Fact]
    public void A_declaration_written_and_read_back_is_the_same_declaration()
    {
        var original = Fixture.ReadDeclaratie();

        var again = Reading.MessageReader.Read(MessageWriter.Write(original), "written.xml");

        MessageAssert.Equivalent(original, again);
    }

    [Fact]
    public void An_allocation_written_and_read_back_is_the_same_allocation()
    {
        var original = Fixture.ReadToewijzing();

        var again = Reading.MessageReader.Read(MessageWriter.Write(original), "written.xml");

        MessageAssert.Equivalent(original, again);
    }

    public static TheoryData<string> AllFixtures => new(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Every_fixture_written_and_read_back_is_the_same_message(string file)
    {
        var original = Fixture.Read(Fixture.Text(file));

        var again = Reading.MessageReader.Read(MessageWriter.Write(original), "written.xml");

        MessageAssert.Equivalent(original, again);
    }

    [Fact]
    public void A_2_x_message_is_written_in_the_2_x_namespace_form()
    {
        var xml = Encoding.UTF8.GetString(MessageWriter.Write(Fixture.Read<DeclaratieFactuurMessage>("wmo303d-2020.xml")));

        Assert.Contains("xmlns:wmo303=\"http://www.istandaarden.nl/iwmo/2_4/wmo303/schema/2_4\"", xml, StringComparison.Ordinal);
        Assert.Contains("xmlns:iwmo=\"http://www.istandaarden.nl/iwmo/2_4/basisschema/schema/2_4\"", xml, StringComparison.Ordinal);
        Assert.Contains("<wmo303:BerichtCode>416</wmo303:BerichtCode>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retour_is_written_with_its_retourcodes_at_the_end_of_each_class()
    {
        var bytes = MessageWriter.Write(Fixture.Read<StartZorgRetourMessage>("jw306-start-retour.xml"));

        Assert.Equal(["ToewijzingNummer", "Product", "ToewijzingIngangsdatum", "Begindatum", "StatusAanlevering", "RetourCodes"],
            ChildNames(bytes, "StartProduct"));
        Assert.Equal(["Bsn", "Geboortedatum", "Geslacht", "Naam", "StartProducten", "RetourCodes"], ChildNames(bytes, "Client"));
    }

    [Fact]
    public void GezagsdragerBekend_cannot_be_written_in_an_iWmo_message()
    {
        var verzoek = Fixture.Read<VerzoekOmToewijzingMessage>("jw315-verzoek-om-toewijzing.xml");
        var wmo = verzoek with
        {
            Standard = Standard.IWmo,
            Header = verzoek.Header with { BerichtCode = BerichtCodes.Of(Standard.IWmo, MessageType.VerzoekOmToewijzing315) },
        };

        var error = Assert.Throws<ArgumentException>(() => MessageWriter.Write(wmo));

        Assert.StartsWith("GezagsdragerBekend exists only in iJw.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_uses_the_standards_lower_case_namespaces_and_prefixes()
    {
        var xml = Encoding.UTF8.GetString(MessageWriter.Write(Fixture.ReadDeclaratie()));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<jw323:Bericht " +
                          "xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\" " +
                          "xmlns:jw323=\"http://www.istandaarden.nl/ijw/3_2/jw323/schema\">", xml, StringComparison.Ordinal);
        Assert.Contains("<ijw:Identificatie>D2025050006</ijw:Identificatie>", xml, StringComparison.Ordinal);
        Assert.Contains("<jw323:Ontvanger>0268</jw323:Ontvanger>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_emits_prestatie_children_in_schema_order()
    {
        var bytes = MessageWriter.Write(Fixture.ReadDeclaratie());

        Assert.Equal(
            ["ProductReferentie", "ToewijzingNummer", "ProductCategorie", "ProductCode", "ProductPeriode", "GeleverdVolume", "Eenheid",
             "ProductTarief", "IngediendBedrag"],
            ChildNames(bytes, "Prestatie"));
    }

    [Fact]
    public void The_writer_emits_toegewezen_product_children_in_schema_order()
    {
        var bytes = MessageWriter.Write(Fixture.ReadToewijzing());

        Assert.Equal(
            ["ToewijzingNummer", "ReferentieAanbieder", "Product", "Toewijzingsdatum", "Toewijzingstijd", "Ingangsdatum", "Einddatum", "Omvang"],
            ChildNames(bytes, "ToegewezenProduct"));
        Assert.Equal(
            ["Bsn", "Geboortedatum", "Geslacht", "Naam", "Contactgegevens", "ToegewezenProducten"],
            ChildNames(bytes, "Client"));
    }

    [Fact]
    public void A_release_3_0_header_is_written_in_the_3_0_namespace()
    {
        var original = Fixture.ReadDeclaratie();
        var release30 = original with { Header = original.Header with { BerichtSubversie = 0 } };

        var xml = Encoding.UTF8.GetString(MessageWriter.Write(release30));

        Assert.Contains("xmlns:jw323=\"http://www.istandaarden.nl/ijw/3_0/jw323/schema\"", xml, StringComparison.Ordinal);
        MessageAssert.Equivalent(release30, Reading.MessageReader.Read(Encoding.UTF8.GetBytes(xml), "3.0"));
    }

    [Fact]
    public void A_301_with_two_clients_cannot_be_written()
    {
        var original = Fixture.ReadToewijzing();
        var twoClients = original with { Clients = [original.Clients[0], original.Clients[0]] };

        Assert.Throws<ArgumentException>(() => MessageWriter.Write(twoClients));
    }

    [Fact]
    public void A_release_without_a_format_cannot_be_written()
    {
        var original = Fixture.ReadDeclaratie();

        var error = Assert.Throws<ArgumentException>(() => MessageWriter.Write(original with { Header = original.Header with { BerichtSubversie = 1 } }));

        Assert.StartsWith("IJw 323 can be written in release 3.0, 3.2, not 3.1.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Local names of the children of the first element called <paramref name="parent"/>, read with a plain XmlReader.</summary>
    private static string[] ChildNames(byte[] xml, string parent)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml));
        reader.ReadToFollowing(parent, reader.NameTable.Add(NamespaceOf(xml)));
        var names = new List<string>();
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1) names.Add(reader.LocalName);
        }
        return [.. names];
    }

    private static string NamespaceOf(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml));
        reader.MoveToContent();
        return reader.NamespaceURI;
    }
}
