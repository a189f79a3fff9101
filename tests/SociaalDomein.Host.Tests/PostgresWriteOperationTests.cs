using SociaalDomein.Host.Telemetry;

namespace SociaalDomein.Host.Tests;

/// <summary>Which statements count as PostgreSQL writes in the write-latency metric.</summary>
public sealed class PostgresWriteOperationTests
{
    [Theory]
    [InlineData("INSERT INTO message_log (topic) VALUES ($1)", "INSERT")]
    [InlineData("  update grain_state SET state = $4", "UPDATE")]
    [InlineData("WITH upsert AS (INSERT INTO alerts AS a (id) VALUES ($1) RETURNING id) SELECT count(*) FROM upsert", "INSERT")]
    [InlineData("COPY declaration_lines_in (ordinal) FROM STDIN (FORMAT BINARY)", "COPY")]
    [InlineData("DELETE FROM orleans_membership WHERE deployment_id = $1", "DELETE")]
    [InlineData("SELECT state FROM grain_state WHERE grain_id = $1 FOR UPDATE", null)]
    [InlineData("SELECT updated_at, copy_count FROM ceilings", null)]
    [InlineData("", null)]
    public void A_statement_is_a_write_only_when_it_inserts_updates_deletes_merges_or_copies(string statement, string? operation) =>
        Assert.Equal(operation, PostgresWriteLatencyProcessor.WriteOperation(statement));

    [Fact]
    public void A_huge_statement_is_classified_in_one_pass_without_a_timeout()
    {
        var statement = string.Concat(Enumerable.Repeat("SELECT a FROM b FOR UPDATE; ", 200_000)) + "MERGE INTO t";
        Assert.Equal("MERGE", PostgresWriteLatencyProcessor.WriteOperation(statement));
    }
}
