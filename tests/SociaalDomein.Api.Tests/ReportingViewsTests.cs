using Npgsql;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.Api.Tests;

/// <summary>The data team's views and its read-only role <c>sd_datateam</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReportingViewsTests(ApiFixture api)
{
    [Theory]
    [InlineData("reporting.daily_totals")]
    [InlineData("reporting.contract_year_to_date")]
    [InlineData("reporting.alerts")]
    [InlineData("reporting.declaration_lines")]
    [InlineData("reporting.ceilings")]
    public async Task The_data_team_role_reads_every_reporting_view(string view)
    {
        var count = await AsDataTeamAsync<long>($"SELECT count(*) FROM {view}");

        Assert.True(count > 0, $"{view} is empty");
    }

    [Theory]
    [InlineData("declaration_lines")]
    [InlineData("daily_costs")]
    [InlineData("alerts")]
    [InlineData("ceilings")]
    [InlineData("message_log")]
    [InlineData("grain_state")]
    [InlineData("alert_acknowledgements")]
    [InlineData("ceiling_changes")]
    public async Task The_data_team_role_cannot_read_the_tables_themselves(string table)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => AsDataTeamAsync<long>($"SELECT count(*) FROM {table}"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_data_team_role_cannot_write_through_a_view_nor_log_in()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => AsDataTeamAsync<long>("DELETE FROM reporting.ceilings RETURNING 1"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        await using var command = api.DataSource.CreateCommand("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'sd_datateam'");
        Assert.Equal(false, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_contract_year_to_date_view_agrees_with_the_api()
    {
        using var client = api.Client(TestKeys.DataTeam);
        var page = await client.OkJsonAsync("/api/contracts?year=2026&municipality=0268");

        var fromView = new List<string>();
        await using (var command = api.DataSource.CreateCommand("""
            SELECT municipality_code, provider_agb, declared_cents, ceiling_cents, ceiling_use_percent
            FROM reporting.contract_year_to_date WHERE year = 2026 AND municipality_code = '0268' ORDER BY provider_agb
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                fromView.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetInt64(2)} {(reader.IsDBNull(3) ? "" : reader.GetInt64(3))} " +
                             $"{(reader.IsDBNull(4) ? "" : reader.GetDecimal(4).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))}");
        }

        Assert.Equal(page.Items().Select(c => $"{c.Str("municipalityCode")} {c.Str("providerAgb")} {c.Long("declaredCents")} {c.GetProperty("ceilingCents")} {ContractsApiTests.Percent(c)}"),
            fromView);
    }

    [Fact]
    public async Task The_line_ledger_view_holds_the_client_as_pseudonym_only()
    {
        var columns = new List<string>();
        await using (var command = api.DataSource.CreateCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'reporting' AND table_name = 'declaration_lines'"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }

        Assert.Contains("client_pseudonym", columns);
        Assert.DoesNotContain(columns, c => c.Contains("bsn", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await AsDataTeamAsync<long>("SELECT count(*) FROM reporting.declaration_lines WHERE client_pseudonym !~ '^[0-9a-f]{64}$'"));
    }

    [Fact]
    public async Task A_second_database_on_the_same_server_migrates_although_the_role_exists()
    {
        await using var second = NpgsqlDataSource.Create(await api.Postgres.CreateDatabaseAsync("api_second"));

        var applied = await new MigrationRunner(second).MigrateAsync();

        Assert.Contains("0003_api", applied);
    }

    private async Task<T> AsDataTeamAsync<T>(string sql)
    {
        await using var connection = await api.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var role = new NpgsqlCommand("SET LOCAL ROLE sd_datateam", connection, transaction))
            await role.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var result = (T)(await command.ExecuteScalarAsync())!;
        await transaction.RollbackAsync();
        return result;
    }
}
