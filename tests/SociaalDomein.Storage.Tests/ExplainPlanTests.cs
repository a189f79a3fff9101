using System.Text.Json;
using Npgsql;
using SociaalDomein.Storage.Ledger;
using static SociaalDomein.Storage.Tests.Lines;

namespace SociaalDomein.Storage.Tests;

/// <summary>
/// The append's cost must not grow with the ledger: its statements probe declaration_lines and declaration_messages by
/// index for each staged line. The staging table is never analysed, so this holds only if the statements leave the
/// planner no choice (a hash join over a sequential scan of the ledger was what the planner took at 300 000 lines).
/// </summary>
public sealed class ExplainPlanTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly DateOnly May4 = new(2026, 5, 4);

    [Fact]
    public async Task On_a_ledger_of_30_000_lines_an_append_scans_neither_the_ledger_nor_the_messages_sequentially()
    {
        var ledger = new PostgresDeclarationLedger(DataSource);
        for (var batch = 0; batch < 10; batch++)
        {
            await ledger.AppendAsync(Enumerable.Range(0, 3_000)
                .Select(i => Line($"L{batch}-{i}", 1_000 + i, May4, messageId: $"ijw:323:12345678:M{batch}-{i / 10}")).ToList());
        }
        await using (var analyze = DataSource.CreateCommand("ANALYZE"))
            await analyze.ExecuteNonQueryAsync();

        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var (createStaging, readingStaging) = PostgresDeclarationLedger.AppendStatements;
        await Execute(connection, createStaging);
        // A debit, a credit of a stored debit and a credit of an unknown one: both kinds of signal check have work.
        await Execute(connection, """
            INSERT INTO incoming_lines (ordinal, standard, municipality_code, provider_agb, referentie_nummer, vorig_referentie_nummer,
                                        message_id, dagtekening, toewijzing_nummer, product_categorie, period_begin, period_end,
                                        geleverd_volume, eenheid, amount_cents)
            VALUES (0, 'ijw', '0344', '12345678', 'NEW-1', NULL, 'ijw:323:12345678:NEW', '2026-05-05', 1, '45', '2026-04-01', '2026-04-30', 1, '04', 100),
                   (1, 'ijw', '0344', '12345678', 'NEW-2', 'L3-17', 'ijw:323:12345678:NEW', '2026-05-05', 1, '45', '2026-04-01', '2026-04-30', 1, '04', -1017),
                   (2, 'ijw', '0344', '12345678', 'NEW-3', 'NOPE', 'ijw:323:12345678:NEW', '2026-05-05', 1, '45', '2026-04-01', '2026-04-30', 1, '04', -5)
            """);

        var scans = new List<string>();
        foreach (var statement in readingStaging)
        {
            await using var explain = new NpgsqlCommand($"EXPLAIN (FORMAT JSON) {statement}", connection);
            using var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
            scans.AddRange(Nodes(plan.RootElement)
                .Where(n => n.GetProperty("Node Type").GetString() == "Seq Scan"
                            && n.TryGetProperty("Relation Name", out var relation)
                            && relation.GetString() is "declaration_lines" or "declaration_messages")
                .Select(n => $"{n.GetProperty("Relation Name").GetString()} in: {statement.Trim()[..40]}…"));
        }
        await transaction.RollbackAsync();

        Assert.Equal(30_000L, await ScalarAsync<long>("SELECT count(*) FROM declaration_lines"));
        Assert.Empty(scans);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var node in Nodes(item)) yield return node;
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("Node Type", out _)) yield return element;
            foreach (var property in element.EnumerateObject())
                if (property.Name is "Plan" or "Plans")
                    foreach (var node in Nodes(property.Value)) yield return node;
        }
    }
}
