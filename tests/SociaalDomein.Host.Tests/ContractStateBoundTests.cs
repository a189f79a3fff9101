using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Host.Tests;

/// <summary>
/// A contract grain's persisted state is bounded by what it summarises (years, categories, service months, alert
/// subjects), not by how many messages or lines it has processed: deduplication is by the standard's keys in the
/// PostgreSQL ledger (provider + ReferentieNummer), never by a list of processed ids in the grain (issue 7 §5).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ContractStateBoundTests(ITestOutputHelper output) : IDisposable
{
    private const int Months = 12;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-host-bounded-");

    [Fact]
    public async Task Ten_times_the_declarations_of_one_contract_year_leave_its_stored_state_the_same_size_but_for_wider_numbers_when_no_new_alert_holds()
    {
        // Round 1: one declaration per service month of 2025 (12 messages); rounds 2–10: nine more per month (108 messages),
        // same contract, same months, same product, each line a new ReferentieNummer. All are dated the day the pipeline
        // judges as today, so no 325 answer is overdue yet: an overdue answer is an alert subject of its own (one per
        // declaration), which is what alerts are for and what this test keeps out of the comparison.
        var dagtekening = new DateOnly(2026, 1, 5);
        var rounds = Enumerable.Range(1, 10).Select(round => Enumerable.Range(1, Months).Select(m =>
        {
            var month = new DateOnly(2025, m, 1);
            var id = $"D{round:00}{m:00}";
            return Jw.WriteFile(_work, id + ".xml", Jw.Declaratie323(id, dagtekening, month, Jw.Debit($"R{round:00}{m:00}", month, round, 1_000 * m)));
        }).ToList()).ToList();
        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("bounded");
        var settings = new Dictionary<string, string?>(infrastructure.Settings) { ["Monitoring:AsOfDate"] = "2026-01-05" };
        await using var session = await PipelineSession.StartAsync(settings, l => l.SetMinimumLevel(LogLevel.Warning));
        await using var database = NpgsqlDataSource.Create(infrastructure.Postgres.ConnectionString);
        var contract = new ContractKey(Jw.Nijmegen, Jw.ZorgA);

        await session.WaitUntilProcessedAsync(await session.PublishAsync(rounds[0]), TimeSpan.FromMinutes(1));
        var afterOneRound = await StoredStateBytesAsync(database, contract);
        await session.WaitUntilProcessedAsync(await session.PublishAsync(rounds.Skip(1).SelectMany(r => r)), TimeSpan.FromMinutes(3));
        var afterTenRounds = await StoredStateBytesAsync(database, contract);
        // The first round sent again (a backoffice resending): the ledger's keys recognise every line; the state keeps no ids.
        await session.WaitUntilProcessedAsync(await session.PublishAsync(rounds[0]), TimeSpan.FromMinutes(1));
        var afterResend = await StoredStateBytesAsync(database, contract);
        output.WriteLine($"stored contract state: {afterOneRound} bytes after 12 declarations, {afterTenRounds} bytes after 120, " +
                         $"{afterResend} bytes after 12 of them again");

        // The ledger holds every distinct line once, so the totals are those of the 120 declarations: Σ_m Σ_round round × 1 000 × m cents.
        var report = await session.BuildReportAsync();
        Assert.Equal(120, report.Messages.Accepted); // distinct messages: the resent copies are recognised as the same message ids
        Assert.Equal(55L * 1_000 * 78, report.Totals.Single(t => t.Year == 2025).DeclaredCents);
        Assert.True(report.Totals.Single(t => t.Year == 2025).Reconciled);
        Assert.DoesNotContain(report.Alerts, a => a.Kind == "LeadTime");
        // Ten times the messages: the state's layout is the same (12 service months, one year, the same alert subjects); only
        // numbers grew, and a number ten times larger takes at most one more byte in Orleans' variable-length encoding, so
        // the growth is bounded by the count of numbers in it (two per service month plus a handful), not by the 108
        // messages (a stored id per message would add over 500 bytes).
        Assert.True(afterOneRound > 0);
        Assert.InRange(afterTenRounds - afterOneRound, 0, 2 * Months + 8);
        Assert.Equal(afterTenRounds, afterResend);
    }

    private static async Task<long> StoredStateBytesAsync(NpgsqlDataSource database, ContractKey contract)
    {
        await using var command = database.CreateCommand(
            "SELECT octet_length(state)::bigint FROM grain_state WHERE state_name = 'contract' AND grain_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = contract.ToString() });
        return (long)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No stored state for contract {contract}."));
    }

    public void Dispose() => _work.Delete(recursive: true);
}
