using System.Text;
using Microsoft.Extensions.Logging;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.DeadLetters;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;

namespace SociaalDomein.EndToEnd.Tests;

/// <summary>The standard allows messages up to 25 MB: they travel through Kafka whole, and a larger one is refused with a reason.</summary>
[Trait("Category", "EndToEnd")]
public sealed class LargeMessageTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-e2e-large-");

    [Fact]
    public async Task A_declaration_of_nearly_25_MB_is_applied_whole_the_next_one_on_its_partition_too_and_one_over_the_limit_is_dead_lettered()
    {
        var month = new DateOnly(2026, 5, 1);
        var prestaties = Enumerable.Range(1, 25_000)
            .Select(i => Jw.Debit($"R{i}", 1_000 + i % 5_000, "45", "45A03", month, 1 + i % 7, 9_500)).ToArray(); // 5 lines per allocation, as in a real monthly declaration
        var large = Jw.Declaratie323("D1", new DateOnly(2026, 6, 3), "0268", "12345678", "202605", month, prestaties);
        Assert.InRange(large.Length, 15_000_000, MessageReader.MaxMessageBytes);
        var oversize = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(large).Replace("D1<", "D2<") + "<!--" + new string(' ', MessageReader.MaxMessageBytes - large.Length + 10) + "-->");
        Assert.True(oversize.Length > MessageReader.MaxMessageBytes);
        // The same contract as the large one, so the same partition, right behind it: the embedded broker once dropped a
        // record that followed a batch this large (KafkaClientConfigs.Producer), and the worker then waited for it forever.
        var behind = Jw.Debit("R25001", 1_000, "45", "45A03", month, 3, 9_500);
        var small = Jw.Declaratie323("D3", new DateOnly(2026, 6, 3), "0268", "12345678", "202605B", month, behind);
        var files = new[] { ("1.xml", large), ("2.xml", oversize), ("3.xml", small) }.Select(f =>
        {
            var path = Path.Combine(_work.FullName, f.Item1);
            File.WriteAllBytes(path, f.Item2);
            return path;
        }).ToList();

        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("large");
        await using var session = await PipelineSession.StartAsync(infrastructure.Settings, l => l.SetMinimumLevel(LogLevel.Warning));
        var published = await session.PublishAsync(files);
        await session.WaitUntilProcessedAsync(published, TimeSpan.FromMinutes(3));

        var report = await session.BuildReportAsync();
        Assert.Equal(published[0].Partition, published[2].Partition);
        Assert.Equal((2L, 1L), (report.Messages.Accepted, report.Messages.DeadLettered));
        Assert.Equal(prestaties.Sum(p => p.SignedAmountCents) + behind.SignedAmountCents, Assert.Single(report.Totals).DeclaredCents);
        Assert.Equal(25_001, Assert.Single(report.Daily).Lines);
        var deadLetter = Assert.Single(TopicReader.ReadAll(infrastructure.Kafka.BootstrapServers, Topics.DeadLetter, expected: 1));
        Assert.Equal(oversize.Length, deadLetter.Message.Value.Length);
        Assert.Equal("SD-SIZE", Encoding.UTF8.GetString(deadLetter.Message.Headers.GetLastBytes(DeadLetterHeaders.Rule)));
    }

    public void Dispose() => _work.Delete(recursive: true);
}
