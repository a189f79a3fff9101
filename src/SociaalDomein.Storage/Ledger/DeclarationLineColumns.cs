using Npgsql;
using SociaalDomein.Monitoring.Ledger;

namespace SociaalDomein.Storage.Ledger;

/// <summary>The columns of <c>declaration_lines</c> that make a <see cref="DeclarationLine"/>, and how to read them back.</summary>
internal static class DeclarationLineColumns
{
    /// <summary>Select list: seq first, then the line's columns in the order <see cref="Read"/> expects.</summary>
    public const string SelectList = """
        seq, standard, municipality_code, provider_agb, referentie_nummer, vorig_referentie_nummer, declaratie_nummer,
        message_id, dagtekening, toewijzing_nummer, product_categorie, product_code, period_begin, period_end,
        geleverd_volume, eenheid, tariff_cents, amount_cents, client_pseudonym, source_topic, source_partition, source_offset
        """;

    /// <summary>Number of columns in <see cref="SelectList"/>: the ordinal of a column selected after it.</summary>
    public const int ColumnCount = 22;

    /// <summary>Reads a row selected with <see cref="SelectList"/>.</summary>
    public static LedgerEntry Read(NpgsqlDataReader reader) => new(reader.GetInt64(0), new DeclarationLine(
        Standard: StandardColumn.Parse(reader.GetString(1)),
        MunicipalityCode: reader.GetString(2),
        ProviderAgb: reader.GetString(3),
        ReferentieNummer: reader.GetString(4),
        VorigReferentieNummer: reader.IsDBNull(5) ? null : reader.GetString(5),
        DeclaratieNummer: reader.GetString(6),
        MessageId: reader.GetString(7),
        Dagtekening: reader.GetFieldValue<DateOnly>(8),
        ToewijzingNummer: reader.GetInt64(9),
        ProductCategorie: reader.GetString(10),
        ProductCode: reader.GetString(11),
        PeriodBegin: reader.GetFieldValue<DateOnly>(12),
        PeriodEnd: reader.GetFieldValue<DateOnly>(13),
        GeleverdVolume: reader.GetInt64(14),
        Eenheid: reader.GetString(15),
        TariffCents: reader.IsDBNull(16) ? null : reader.GetInt64(16),
        AmountCents: reader.GetInt64(17),
        ClientPseudonym: reader.GetString(18),
        SourceTopic: reader.GetString(19),
        SourcePartition: reader.GetInt32(20),
        SourceOffset: reader.GetInt64(21)));
}
