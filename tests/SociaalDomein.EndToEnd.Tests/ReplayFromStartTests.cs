using Microsoft.Extensions.Logging;
using Npgsql;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Messages.Writing;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.EndToEnd.Tests;

/// <summary>At-least-once in, exactly-once effect: consuming everything a second time changes nothing.</summary>
[Trait("Category", "Fault")]
public sealed class ReplayFromStartTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-e2e-replay-");

    [Fact]
    public async Task Consuming_the_whole_topic_again_from_offset_0_after_a_restart_changes_no_total_row_signal_or_alert()
    {
        var scenario = ScenarioGenerator.Generate(ScenarioOptions.Demo with { ProviderCount = 8, Months = 3 });
        var files = scenario.Messages.Select(m =>
        {
            var path = Path.Combine(_work.FullName, m.Name);
            File.WriteAllBytes(path, MessageWriter.Write(m.Message));
            return path;
        }).ToList();
        var ceilings = scenario.Ceilings.Select(c =>
            new BudgetCeiling(new ContractKey(c.MunicipalityCode, c.ProviderAgb), c.Year, c.ProductCategorie, c.CeilingCents)).ToList();

        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("replay_twice");
        var settings = new Dictionary<string, string?>(infrastructure.Settings);
        PipelineReport first;
        string firstDatabase;
        await using (var session = await PipelineSession.StartAsync(settings, l => l.SetMinimumLevel(LogLevel.Warning)))
        {
            await session.LoadCeilingsAsync(ceilings);
            var published = await session.PublishAsync(files);
            await session.WaitUntilProcessedAsync(published, TimeSpan.FromMinutes(3));
            first = await session.BuildReportAsync();
            firstDatabase = await SnapshotAsync(infrastructure.Postgres.ConnectionString);
        }
        Assert.All(scenario.Expected.DeclaredCents, e => Assert.Equal(e.Value,
            first.Totals.Single(t => t.Municipality == e.Key.MunicipalityCode && t.Provider == e.Key.ProviderAgb && t.Year == e.Key.Year).DeclaredCents));

        // A new host (new silo activations, state read back from PostgreSQL) in a new consumer group reads everything again.
        settings["Kafka:ConsumerGroup"] = "replay-from-start";
        await using (var session = await PipelineSession.StartAsync(settings, l => l.SetMinimumLevel(LogLevel.Warning)))
        {
            var everything = await TopicEndAsync(session, files.Count);
            await session.WaitUntilProcessedAsync(everything, TimeSpan.FromMinutes(3));
            var second = await session.BuildReportAsync();

            Assert.NotEmpty(first.Alerts);
            Assert.Equal(first.ToJson(), second.ToJson());
        }
        Assert.Equal(firstDatabase, await SnapshotAsync(infrastructure.Postgres.ConnectionString));
    }

    /// <summary>The positions of all records the first run published: partition ends of the input topic.</summary>
    private static Task<IReadOnlyList<Confluent.Kafka.TopicPartitionOffset>> TopicEndAsync(PipelineSession session, int expected)
    {
        using var consumer = new Confluent.Kafka.ConsumerBuilder<Confluent.Kafka.Ignore, Confluent.Kafka.Ignore>(
            new Confluent.Kafka.ConsumerConfig { BootstrapServers = session.Kafka.BootstrapServers, GroupId = "probe" }).Build();
        var ends = new List<Confluent.Kafka.TopicPartitionOffset>();
        for (var partition = 0; partition < 4; partition++)
        {
            var topicPartition = new Confluent.Kafka.TopicPartition(session.Kafka.EffectiveInputTopics[0], partition);
            var high = consumer.QueryWatermarkOffsets(topicPartition, TimeSpan.FromSeconds(10)).High.Value;
            if (high > 0) ends.Add(new Confluent.Kafka.TopicPartitionOffset(topicPartition, high - 1));
        }
        Assert.Equal(expected, ends.Sum(e => e.Offset.Value + 1));
        return Task.FromResult<IReadOnlyList<Confluent.Kafka.TopicPartitionOffset>>(ends);
    }

    /// <summary>Row counts and sums of the tables that hold results, as one comparable string.</summary>
    private static async Task<string> SnapshotAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) || '/' || coalesce(sum(amount_cents), 0) FROM declaration_lines) || ' ' ||
                   (SELECT count(*) || '/' || coalesce(sum(amount_cents), 0) FROM daily_costs) || ' ' ||
                   (SELECT count(*) FROM allocation_versions) || ' ' ||
                   (SELECT count(*) || '/' || count(resolved_at) FROM line_signals) || ' ' ||
                   (SELECT count(*) FROM alerts)
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _work.Delete(recursive: true);
}
