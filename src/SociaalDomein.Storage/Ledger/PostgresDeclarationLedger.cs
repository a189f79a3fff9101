using Npgsql;
using NpgsqlTypes;
using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Monitoring.Signals;

namespace SociaalDomein.Storage.Ledger;

/// <summary>The ledger of accepted declaration lines and the daily totals derived from it, in PostgreSQL.</summary>
/// <param name="timeProvider">The clock that dates a message's receipt (the day its amounts count on in
/// <c>daily_insight</c>); the system clock unless a test sets one.</param>
public sealed partial class PostgresDeclarationLedger(NpgsqlDataSource dataSource, TimeProvider? timeProvider = null) : IDeclarationLedger
{
    private readonly TimeProvider _clock = timeProvider ?? TimeProvider.System;

    // Lines go into a temporary table by binary COPY; one statement then stores the new ones and adds exactly the rows
    // it stored to daily_costs, so the daily totals cannot drift from the ledger. Rows are stored in input order
    // (ordinal), and daily_costs rows are touched in key order so concurrent appends cannot deadlock on them.
    // The table lives as long as the server session and empties at every commit: made once per pooled connection
    // (the data source does not reset connections, see StorageServiceCollectionExtensions), not created and dropped in
    // the catalog for every append, which cost PostgreSQL more CPU than the append itself at a few hundred a second.
    private const string CreateIncoming = """
        CREATE TEMPORARY TABLE IF NOT EXISTS incoming_lines (
            ordinal int, standard text, municipality_code text, provider_agb text, referentie_nummer text,
            vorig_referentie_nummer text, declaratie_nummer text, message_id text, dagtekening date,
            toewijzing_nummer bigint, product_categorie text, product_code text, period_begin date, period_end date,
            geleverd_volume bigint, eenheid text, tariff_cents bigint, amount_cents bigint, client_pseudonym text,
            source_topic text, source_partition int, source_offset bigint
        ) ON COMMIT DELETE ROWS
        """;

    private const string CopyIncoming = """
        COPY incoming_lines (
            ordinal, standard, municipality_code, provider_agb, referentie_nummer, vorig_referentie_nummer,
            declaratie_nummer, message_id, dagtekening, toewijzing_nummer, product_categorie, product_code, period_begin,
            period_end, geleverd_volume, eenheid, tariff_cents, amount_cents, client_pseudonym, source_topic,
            source_partition, source_offset
        ) FROM STDIN (FORMAT BINARY)
        """;

    // Appends for one contract are serialised by a transaction-scoped advisory lock, so a contract's sequence numbers
    // are handed out in commit order and ReadSinceAsync(after: last seen) can never skip a line committed late.
    private const string LockContracts = """
        SELECT pg_advisory_xact_lock(hashtextextended(contract, 0))
        FROM (
            SELECT DISTINCT municipality_code || ':' || provider_agb AS contract FROM incoming_lines ORDER BY contract
        ) AS contracts
        """;

    private static readonly string StoreNew = $"""
        WITH inserted AS (
            INSERT INTO declaration_lines (
                standard, municipality_code, provider_agb, referentie_nummer, vorig_referentie_nummer,
                declaratie_nummer, message_id, dagtekening, toewijzing_nummer, product_categorie, product_code,
                period_begin, period_end, geleverd_volume, eenheid, tariff_cents, amount_cents, client_pseudonym,
                source_topic, source_partition, source_offset)
            SELECT standard, municipality_code, provider_agb, referentie_nummer, vorig_referentie_nummer,
                declaratie_nummer, message_id, dagtekening, toewijzing_nummer, product_categorie, product_code,
                period_begin, period_end, geleverd_volume, eenheid, tariff_cents, amount_cents, client_pseudonym,
                source_topic, source_partition, source_offset
            FROM incoming_lines
            ORDER BY ordinal
            ON CONFLICT (provider_agb, standard, referentie_nummer) DO NOTHING
            RETURNING seq, referentie_nummer, amount_cents, dagtekening, municipality_code, provider_agb,
                product_categorie, standard, message_id, period_begin, eenheid, geleverd_volume, client_pseudonym
        ),
        added_to_daily_costs AS (
            INSERT INTO daily_costs AS d (day, municipality_code, provider_agb, product_categorie, standard, amount_cents, line_count)
            SELECT dagtekening, municipality_code, provider_agb, product_categorie, standard, sum(amount_cents), count(*)
            FROM inserted
            GROUP BY dagtekening, municipality_code, provider_agb, product_categorie, standard
            ORDER BY dagtekening, municipality_code, provider_agb, product_categorie, standard
            ON CONFLICT (day, municipality_code, provider_agb, product_categorie, standard) DO UPDATE
                SET amount_cents = d.amount_cents + excluded.amount_cents,
                    line_count = d.line_count + excluded.line_count
        ),
        {DailyInsightMaintenance.AddInserted}
        SELECT seq, provider_agb, standard, referentie_nummer FROM inserted ORDER BY seq
        """;

    // Checks against the whole ledger, after the insert (so a debit and its credit in one batch find each other):
    // a ReferentieNummer already stored for another message, and a credit whose VorigReferentieNummer is no stored debit.
    // The staging table is never analysed, so the planner guesses its size (≈ a thousand rows) and, once the ledger is
    // large, would hash-join it against a sequential scan of declaration_lines: a cost growing with the ledger, paid on
    // every append (98 ms per append at the end of region-year). OFFSET 0 keeps each lookup a subquery of its own row,
    // i.e. one probe of the unique index per staged line, whatever the estimates (tested on the plan, ExplainPlanTests).
    private static readonly string RecordLedgerSignals = $"""
        WITH found AS (
            SELECT i.provider_agb, i.standard, i.referentie_nummer, '{SignalRules.DuplicateReferentie}' AS rule, i.message_id,
                   i.municipality_code, i.toewijzing_nummer,
                   'ReferentieNummer ' || i.referentie_nummer || ' was already declared in message ' || d.message_id ||
                   '; this line of message ' || i.message_id || ' is not counted again.' AS explanation
            FROM incoming_lines i
            CROSS JOIN LATERAL (
                SELECT d.message_id FROM declaration_lines d
                WHERE d.provider_agb = i.provider_agb AND d.standard = i.standard AND d.referentie_nummer = i.referentie_nummer
                OFFSET 0) AS d
            WHERE d.message_id <> i.message_id
            UNION ALL
            SELECT i.provider_agb, i.standard, i.referentie_nummer, '{SignalRules.CreditOfUnknownDebit}', i.message_id,
                   i.municipality_code, i.toewijzing_nummer,
                   'Credit line ' || i.referentie_nummer || ' cancels ' || i.vorig_referentie_nummer ||
                   ', which is no declared debit of this provider.'
            FROM incoming_lines i
            WHERE i.vorig_referentie_nummer IS NOT NULL
              AND NOT EXISTS (
                  SELECT 1 FROM declaration_lines d
                  WHERE d.provider_agb = i.provider_agb AND d.standard = i.standard
                    AND d.referentie_nummer = i.vorig_referentie_nummer AND d.amount_cents >= 0
                  OFFSET 0)
        )
        INSERT INTO line_signals (provider_agb, standard, referentie_nummer, rule, message_id, municipality_code, toewijzing_nummer, explanation)
        SELECT * FROM found
        ON CONFLICT DO NOTHING
        RETURNING standard, municipality_code, provider_agb, referentie_nummer, toewijzing_nummer, rule, explanation, message_id
        """;

    private const string ReadSince = $"""
        SELECT {DeclarationLineColumns.SelectList}
        FROM declaration_lines
        WHERE municipality_code = $1 AND provider_agb = $2 AND seq > $3
        ORDER BY seq
        """;

    private const string ReadForAllocations = $"""
        SELECT {DeclarationLineColumns.SelectList}
        FROM declaration_lines
        WHERE municipality_code = $1 AND provider_agb = $2 AND standard = $3 AND toewijzing_nummer = ANY($4)
        ORDER BY seq
        """;

    /// <summary>The staging table's definition and the append's statements that read it, for tests of their plans.</summary>
    internal static (string CreateStaging, IReadOnlyList<string> ReadingStaging) AppendStatements =>
        (CreateIncoming, [LockContracts, StoreNew, RecordLedgerSignals]);

    public async Task<LedgerAppendResult> AppendAsync(IReadOnlyList<DeclarationLine> lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var distinct = FirstOfEachReference(lines);
        if (distinct.Count == 0)
            return new LedgerAppendResult([], []);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var create = new NpgsqlCommand(CreateIncoming, connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken);

        await using (var importer = await connection.BeginBinaryImportAsync(CopyIncoming, cancellationToken))
        {
            for (var ordinal = 0; ordinal < distinct.Count; ordinal++)
                await WriteRowAsync(importer, ordinal, distinct[ordinal], cancellationToken);
            await importer.CompleteAsync(cancellationToken);
        }

        // Lock, receipt, insert and signals go to the server in one round trip; they run in this order.
        var byReference = distinct.ToDictionary(l => (l.ProviderAgb, l.Standard.Code(), l.ReferentieNummer));
        var stored = new List<LedgerEntry>();
        var signals = new List<LineSignal>();
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(LockContracts));
            batch.BatchCommands.Add(DailyInsightMaintenance.RecordReceiptCommand(_clock.GetUtcNow()));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(StoreNew));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(RecordLedgerSignals));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            // Told apart by their columns rather than by position, so statements without rows cannot shift them.
            do
            {
                var isStored = reader.FieldCount == 4 && reader.GetName(0) == "seq";
                var isSignal = reader.FieldCount == 8 && reader.GetName(5) == "rule";
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (isStored)
                        stored.Add(new LedgerEntry(reader.GetInt64(0), byReference[(reader.GetString(1), reader.GetString(2), reader.GetString(3))]));
                    else if (isSignal)
                        signals.Add(new LineSignal(StandardColumn.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2),
                            reader.GetString(3), reader.GetInt64(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return new LedgerAppendResult(stored, signals);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadSinceAsync(ContractKey contract, long afterSequence, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ReadSince);
        command.Parameters.Add(new NpgsqlParameter { Value = contract.MunicipalityCode });
        command.Parameters.Add(new NpgsqlParameter { Value = contract.ProviderAgb });
        command.Parameters.Add(new NpgsqlParameter { Value = afterSequence });
        return await ReadEntriesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadForAllocationsAsync(ContractKey contract, Standard standard,
        IReadOnlyCollection<long> toewijzingNummers, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ReadForAllocations);
        command.Parameters.Add(new NpgsqlParameter { Value = contract.MunicipalityCode });
        command.Parameters.Add(new NpgsqlParameter { Value = contract.ProviderAgb });
        command.Parameters.Add(new NpgsqlParameter { Value = standard.Code() });
        command.Parameters.Add(new NpgsqlParameter { Value = toewijzingNummers.ToArray() });
        return await ReadEntriesAsync(command, cancellationToken);
    }

    /// <summary>A batch may repeat a reference (a message listing a line twice): the first occurrence wins.</summary>
    private static List<DeclarationLine> FirstOfEachReference(IReadOnlyList<DeclarationLine> lines)
    {
        var seen = new HashSet<(string ProviderAgb, Standard Standard, string ReferentieNummer)>();
        var distinct = new List<DeclarationLine>(lines.Count);
        foreach (var line in lines)
        {
            if (seen.Add((line.ProviderAgb, line.Standard, line.ReferentieNummer)))
                distinct.Add(line);
        }
        return distinct;
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, int ordinal, DeclarationLine line, CancellationToken cancellationToken)
    {
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(ordinal, NpgsqlDbType.Integer, cancellationToken);
        await importer.WriteAsync(line.Standard.Code(), NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(line.MunicipalityCode, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(line.ProviderAgb, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(line.ReferentieNummer, NpgsqlDbType.Text, cancellationToken);
        if (line.VorigReferentieNummer is null)
            await importer.WriteNullAsync(cancellationToken);
        else
            await importer.WriteAsync(line.VorigReferentieNummer, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(line.DeclaratieNummer, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(line.MessageId, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(line.Dagtekening, NpgsqlDbType.Date, cancellationToken);
        await importer.WriteAsync(line.ToewijzingNummer, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(line.ProductCategorie, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(line.ProductCode, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(line.PeriodBegin, NpgsqlDbType.Date, cancellationToken);
        await importer.WriteAsync(line.PeriodEnd, NpgsqlDbType.Date, cancellationToken);
        await importer.WriteAsync(line.GeleverdVolume, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(line.Eenheid, NpgsqlDbType.Text, cancellationToken);
        if (line.TariffCents is { } tariff)
            await importer.WriteAsync(tariff, NpgsqlDbType.Bigint, cancellationToken);
        else
            await importer.WriteNullAsync(cancellationToken);
        await importer.WriteAsync(line.AmountCents, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(line.ClientPseudonym, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(line.SourceTopic, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(line.SourcePartition, NpgsqlDbType.Integer, cancellationToken);
        await importer.WriteAsync(line.SourceOffset, NpgsqlDbType.Bigint, cancellationToken);
    }

    private static async Task<List<LedgerEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(DeclarationLineColumns.Read(reader));
        return entries;
    }
}
