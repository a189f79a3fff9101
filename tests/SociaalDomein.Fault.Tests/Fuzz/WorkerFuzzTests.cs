using System.Text;
using Microsoft.Extensions.Logging;
using SociaalDomein.Fault.Tests.Infrastructure;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.DeadLetters;
using SociaalDomein.Ingestion.Kafka;
using Xunit.Abstractions;

namespace SociaalDomein.Fault.Tests.Fuzz;

/// <summary>
/// Broken records between valid ones, through a real worker: each broken one is on the dead-letter topic with its reason,
/// each valid one is counted, the worker keeps going.
/// </summary>
[Trait("Category", "Fault")]
public sealed class WorkerFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int PerKind = 3;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-fault-fuzz-");

    [Fact]
    public async Task Every_broken_record_is_dead_lettered_with_its_reason_and_every_valid_record_around_it_is_applied()
    {
        // Deterministic picks (a fixed seed), of inputs the parser refuses: a few of every mutation, one oversize.
        var random = new Random(20261126);
        var broken = new List<(Mutation Mutation, byte[] Bytes)>();
        // Not the oversize kind: the mock broker keeps only a few MB per partition and drops a 25 MB record before it is
        // fetched. LargeMessageTests (EndToEnd) sends one through a worker; ParserFuzzTests refuse them by size.
        foreach (var kind in Enum.GetValues<MutationKind>().Where(k => k != MutationKind.Oversize))
        {
            var wanted = PerKind;
            for (var attempt = 0; broken.Count(b => b.Mutation.Kind == kind) < wanted && attempt < 200; attempt++)
            {
                var mutation = new Mutation(random.Next(SeedCorpus.Messages.Count), kind, random.Next(), random.Next(), random.Next());
                var bytes = mutation.Apply(SeedCorpus.Messages[mutation.Seed]);
                if (ParserFuzzTests.Parse(bytes).Refused is not null) broken.Add((mutation, bytes));
            }
        }
        var files = new List<string>();
        var valid = 0;
        foreach (var (mutation, bytes) in broken)
        {
            files.Add(Write($"{files.Count:000}-valid.xml", Declarations.Jw323($"V-{++valid}", valid)));
            files.Add(Write($"{files.Count:000}-{mutation.Kind}.xml", bytes));
        }
        files.Add(Write($"{files.Count:000}-valid.xml", Declarations.Jw323($"V-{++valid}", valid)));

        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("fuzz_worker");
        // Warnings on: a record the worker cannot finish shows up as "Processing ... failed (attempt n)".
        await using var session = await PipelineSession.StartAsync(infrastructure.Settings,
            l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error).AddFilter("Microsoft", LogLevel.Error));
        var published = await session.PublishAsync(files);
        await session.WaitUntilProcessedAsync(published, TimeSpan.FromMinutes(3));

        var report = await session.BuildReportAsync();
        Assert.Equal(((long)valid, (long)broken.Count), (report.Messages.Accepted, report.Messages.DeadLettered));
        Assert.Equal(Enumerable.Range(1, valid).Sum(h => Declarations.AmountCents(h)), Assert.Single(report.Totals).DeclaredCents);

        var deadLetters = TopicKeys.ReadAll(infrastructure.Kafka.BootstrapServers, Topics.DeadLetter, TimeSpan.FromSeconds(60));
        var brokenOffsets = published.Where((_, i) => i % 2 == 1).Select(p => $"{p.Partition.Value}@{p.Offset.Value}").Order().ToList();
        Assert.Equal(brokenOffsets, deadLetters.Select(d => $"{Header(d, DeadLetterHeaders.SourcePartition)}@{Header(d, DeadLetterHeaders.SourceOffset)}").Order());
        Assert.All(deadLetters, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Header(d, DeadLetterHeaders.Reason)));
            Assert.StartsWith("SD-", Header(d, DeadLetterHeaders.Rule), StringComparison.Ordinal);
        });
        var byPosition = published.Select((p, i) => (Key: $"{p.Partition.Value}@{p.Offset.Value}", File: files[i])).ToDictionary(x => x.Key, x => x.File);
        Assert.All(deadLetters, d => Assert.Equal(File.ReadAllBytes(byPosition[$"{Header(d, DeadLetterHeaders.SourcePartition)}@{Header(d, DeadLetterHeaders.SourceOffset)}"]), d.Message.Value));
        output.WriteLine($"{broken.Count} broken records ({string.Join(", ", broken.GroupBy(b => b.Mutation.Kind).Select(g => $"{g.Key} {g.Count()}"))}) " +
                         $"dead-lettered with rules {string.Join(", ", deadLetters.Select(d => Header(d, DeadLetterHeaders.Rule)).Distinct().Order())}; " +
                         $"{valid} valid records applied");
    }

    private static string Header(Confluent.Kafka.ConsumeResult<string?, byte[]> record, string key) =>
        Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes(key));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_work.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => _work.Delete(recursive: true);
}
