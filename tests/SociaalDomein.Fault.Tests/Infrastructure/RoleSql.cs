using Npgsql;

namespace SociaalDomein.Fault.Tests.Infrastructure;

/// <summary>Plain SQL as a given database role, on a connection of its own (no pool), for the role and migration tests.</summary>
internal static class RoleSql
{
    public static string Login(string connectionString, string role) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Pooling = false }.ConnectionString;

    public static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
