using Npgsql;
using NpgsqlTypes;

namespace SociaalDomein.Storage.Ledger;

/// <summary>
/// Keeps <c>declaration_messages</c>, <c>daily_insight</c> and <c>daily_clients</c> (migration 0005) equal to the ledger,
/// inside the ledger's append transaction.
/// </summary>
internal static class DailyInsightMaintenance
{
    /// <summary>
    /// The Dutch calendar day: "day" in this system means Europe/Amsterdam, so 23:30 UTC on a summer evening is the
    /// next day.
    /// </summary>
    public const string TimeZone = "Europe/Amsterdam";

    // Runs after the contract lock, before the lines are stored: the lines then find their message's receipt day.
    // ON CONFLICT DO NOTHING keeps the first receipt, so a message stored in several batches, or redelivered after
    // midnight, counts on one day.
    private const string RecordReceipt = $"""
        INSERT INTO declaration_messages (message_id, standard, municipality_code, provider_agb, declaratie_nummer, dagtekening,
                                          received_at, received_day)
        SELECT DISTINCT ON (message_id) message_id, standard, municipality_code, provider_agb, declaratie_nummer, dagtekening,
               $1, ($1 AT TIME ZONE '{TimeZone}')::date
        FROM incoming_lines
        ORDER BY message_id, ordinal
        ON CONFLICT (message_id) DO NOTHING
        """;

    /// <summary>
    /// Common table expressions for the ledger's insert statement: they add exactly the rows of its <c>inserted</c> CTE
    /// (which returns message_id, period_begin, eenheid, geleverd_volume and client_pseudonym besides the daily_costs
    /// columns). Rows are touched in key order so concurrent appends cannot deadlock on them.
    /// </summary>
    public const string AddInserted = """
        inserted_on_day AS (
            SELECT m.received_day, i.municipality_code, i.provider_agb, i.product_categorie, i.standard,
                   date_trunc('month', i.period_begin)::date AS service_month, i.eenheid, i.amount_cents,
                   CASE WHEN i.amount_cents < 0 THEN -i.geleverd_volume ELSE i.geleverd_volume END AS volume,
                   i.client_pseudonym
            FROM inserted AS i
            -- One primary-key probe per stored line (OFFSET 0: never a hash join over every message received).
            CROSS JOIN LATERAL (
                SELECT received_day FROM declaration_messages WHERE message_id = i.message_id OFFSET 0) AS m
        ),
        added_to_daily_insight AS (
            INSERT INTO daily_insight AS d (day, municipality_code, provider_agb, product_categorie, standard, service_month,
                                            eenheid, amount_cents, line_count, volume)
            SELECT received_day, municipality_code, provider_agb, product_categorie, standard, service_month, eenheid,
                   sum(amount_cents), count(*), sum(volume)
            FROM inserted_on_day
            GROUP BY received_day, municipality_code, provider_agb, product_categorie, standard, service_month, eenheid
            ORDER BY received_day, municipality_code, provider_agb, product_categorie, standard, service_month, eenheid
            ON CONFLICT (day, municipality_code, provider_agb, product_categorie, standard, service_month, eenheid) DO UPDATE
                SET amount_cents = d.amount_cents + excluded.amount_cents,
                    line_count = d.line_count + excluded.line_count,
                    volume = d.volume + excluded.volume
        ),
        added_to_daily_clients AS (
            INSERT INTO daily_clients (day, municipality_code, provider_agb, product_categorie, standard, client_pseudonym)
            SELECT DISTINCT received_day, municipality_code, provider_agb, product_categorie, standard, client_pseudonym
            FROM inserted_on_day
            ORDER BY 1, 2, 3, 4, 5, 6
            ON CONFLICT DO NOTHING
        )
        """;

    /// <summary>Records the first receipt of each message in <c>incoming_lines</c> at <paramref name="receivedAt"/>.</summary>
    public static NpgsqlBatchCommand RecordReceiptCommand(DateTimeOffset receivedAt)
    {
        var command = new NpgsqlBatchCommand(RecordReceipt);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = receivedAt.ToUniversalTime() });
        return command;
    }
}
