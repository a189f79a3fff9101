using Npgsql;

namespace SociaalDomein.Monitoring.Tests;

/// <summary>The line signals still open, as (ReferentieNummer, rule) in a stable order.</summary>
internal static class OpenSignals
{
    public static async Task<IReadOnlyList<(string Referentie, string Rule)>> ReadAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT referentie_nummer, rule FROM line_signals WHERE resolved_at IS NULL ORDER BY referentie_nummer, rule");
        await using var reader = await command.ExecuteReaderAsync();
        var open = new List<(string, string)>();
        while (await reader.ReadAsync()) open.Add((reader.GetString(0), reader.GetString(1)));
        return open;
    }
}
