using System.Diagnostics;
using System.Security.Cryptography;
using Confluent.Kafka;
using Npgsql;
using NpgsqlTypes;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Privacy;
using SociaalDomein.Messages.Reading;

namespace SociaalDomein.LoadTests.Peers;

/// <summary>
/// The batch peer most regions use today: read the month's files, load every line into PostgreSQL with binary COPY,
/// and compute the daily totals with one SQL GROUP BY (over the first line of each ReferentieNummer, as the ledger keeps
/// them). Reads the same records as the pipeline; the BSN is pseudonymised as the pipeline does (nothing may store it).
/// </summary>
public static class CopyBatchPeer
{
    private const string Schema = """
        DROP SCHEMA IF EXISTS batch_peer CASCADE;
        CREATE SCHEMA batch_peer;
        CREATE TABLE batch_peer.lines (
            ordinal bigint, standard text, municipality_code text, provider_agb text, referentie_nummer text,
            vorig_referentie_nummer text, declaratie_nummer text, message_id text, dagtekening date, toewijzing_nummer bigint,
            product_categorie text, product_code text, period_begin date, period_end date, geleverd_volume bigint,
            eenheid text, tariff_cents bigint, amount_cents bigint, client_pseudonym text);
        """;

    private const string Copy = """
        COPY batch_peer.lines (ordinal, standard, municipality_code, provider_agb, referentie_nummer, vorig_referentie_nummer,
            declaratie_nummer, message_id, dagtekening, toewijzing_nummer, product_categorie, product_code, period_begin,
            period_end, geleverd_volume, eenheid, tariff_cents, amount_cents, client_pseudonym) FROM STDIN (FORMAT BINARY)
        """;

    private const string DailyTotals = """
        CREATE TABLE batch_peer.daily_totals AS
        SELECT dagtekening AS day, municipality_code, provider_agb, product_categorie, standard,
               sum(amount_cents) AS amount_cents, count(*) AS line_count
        FROM (
            SELECT DISTINCT ON (provider_agb, standard, referentie_nummer) *
            FROM batch_peer.lines
            ORDER BY provider_agb, standard, referentie_nummer, ordinal
        ) AS first_of_each_reference
        GROUP BY dagtekening, municipality_code, provider_agb, product_categorie, standard
        """;

    /// <summary>Rows of the peer's totals that differ from the pipeline's daily_costs (either side missing counts too).</summary>
    private const string Compare = """
        SELECT count(*) FROM batch_peer.daily_totals b
        FULL JOIN daily_costs d USING (day, municipality_code, provider_agb, product_categorie, standard)
        WHERE b.amount_cents IS DISTINCT FROM d.amount_cents OR b.line_count IS DISTINCT FROM d.line_count
        """;

    public static async Task<(PeerResult Result, long MismatchedDailyRows)> RunAsync(KafkaOptions kafka, IReadOnlyDictionary<int, long>? starts, IReadOnlyList<TopicPartitionOffset> ends,
        NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var pseudonymizer = new BsnPseudonymizer(RandomNumberGenerator.GetBytes(32), "batch-peer");
        await using (var schema = dataSource.CreateCommand(Schema)) await schema.ExecuteNonQueryAsync(cancellationToken);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long records = 0, lines = 0;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
            // The consumer callback is synchronous; the importer buffers, so its synchronous writes are cheap here.
            TopicReplay.ReadAll(kafka, starts, ends, record =>
            {
                records++;
                if (MessageReader.Read(record.Message.Value, "batch-peer") is not DeclaratieMessage declaratie) return;
                var messageId = declaratie.Key.ToString();
                foreach (var client in declaratie.Clients)
                {
                    var pseudonym = pseudonymizer.Pseudonymise(client.Bsn);
                    foreach (var p in client.Prestaties) Write(importer, lines++, declaratie, messageId, p, pseudonym);
                }
            }, cancellationToken);
            await importer.CompleteAsync(cancellationToken);
        }
        var loaded = clock.Elapsed.TotalSeconds;
        await using (var group = dataSource.CreateCommand(DailyTotals)) await group.ExecuteNonQueryAsync(cancellationToken);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        await using var compare = dataSource.CreateCommand(Compare);
        var mismatched = (long)(await compare.ExecuteScalarAsync(cancellationToken))!;
        var phases = new Dictionary<string, double>
        {
            ["consumeParseCopy"] = Math.Round(loaded, 2),
            ["groupBy"] = Math.Round(clock.Elapsed.TotalSeconds - loaded, 2),
        };
        return (new PeerResult(records, lines, clock.Elapsed.TotalSeconds, cpu.TotalSeconds, phases), mismatched);
    }

    private static void Write(NpgsqlBinaryImporter importer, long ordinal, DeclaratieMessage d, string messageId, Prestatie p, string pseudonym)
    {
        importer.StartRow();
        importer.Write(ordinal, NpgsqlDbType.Bigint);
        importer.Write(d.Standard.Code(), NpgsqlDbType.Text);
        importer.Write(d.MunicipalityCode, NpgsqlDbType.Text);
        importer.Write(d.ProviderAgb, NpgsqlDbType.Text);
        importer.Write(p.ReferentieNummer, NpgsqlDbType.Text);
        if (p.VorigReferentieNummer is null) importer.WriteNull(); else importer.Write(p.VorigReferentieNummer, NpgsqlDbType.Text);
        importer.Write(d.DeclaratieNummer, NpgsqlDbType.Text);
        importer.Write(messageId, NpgsqlDbType.Text);
        importer.Write(d.Header.Dagtekening, NpgsqlDbType.Date);
        importer.Write(p.ToewijzingNummer, NpgsqlDbType.Bigint);
        importer.Write(p.ProductCategorie, NpgsqlDbType.Text);
        importer.Write(p.ProductCode, NpgsqlDbType.Text);
        importer.Write(p.ProductPeriodeBegin, NpgsqlDbType.Date);
        importer.Write(p.ProductPeriodeEinde, NpgsqlDbType.Date);
        importer.Write(p.GeleverdVolume, NpgsqlDbType.Bigint);
        importer.Write(p.Eenheid, NpgsqlDbType.Text);
        if (p.ProductTariefCents is { } tariff) importer.Write(tariff, NpgsqlDbType.Bigint); else importer.WriteNull();
        importer.Write(p.SignedAmountCents, NpgsqlDbType.Bigint);
        importer.Write(pseudonym, NpgsqlDbType.Text);
    }
}
