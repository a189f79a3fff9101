using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using SociaalDomein.Host.Pipeline;
using SociaalDomein.Ingestion.AlertPublishing;
using SociaalDomein.Ingestion.DeadLetters;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.EndToEnd.Tests;

/// <summary>Bad messages go to the dead-letter topic with their reason; the stream around them carries on.</summary>
[Trait("Category", "EndToEnd")]
public sealed class DeadLetterTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sd-e2e-dlq-");

    [Fact]
    public async Task A_message_missing_a_required_element_is_dead_lettered_with_its_reason_and_the_next_message_is_still_applied()
    {
        var month = new DateOnly(2026, 5, 1);
        var first = Jw.Declaratie323("D-1", new DateOnly(2026, 6, 3), "0268", "12345678", "202605", month, Jw.Debit("R1", 7, "45", "45A03", month, 10, 10_000));
        // 2 × € 100 declared as € 250: a rule broken inside a valid message is a signal on the line, not a dead letter.
        var second = Jw.Declaratie323("D-2", new DateOnly(2026, 6, 4), "0268", "12345678", "202605B", month,
            Jw.Debit("R2", 7, "45", "45A03", month, 2, 10_000) with { IngediendBedragCents = 25_000 });
        var broken = RemoveElement(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(first).Replace("D-1", "D-X")), "DeclaratieNummer");
        var files = new[] { ("1.xml", first), ("2.xml", broken), ("3.xml", second) }
            .Select(f => { var path = Path.Combine(_work.FullName, f.Item1); File.WriteAllBytes(path, f.Item2); return path; }).ToList();

        await using var infrastructure = await EmbeddedInfrastructure.StartAsync("dlq");
        await using var session = await PipelineSession.StartAsync(infrastructure.Settings, l => l.SetMinimumLevel(LogLevel.Warning));
        await session.LoadCeilingsAsync([new BudgetCeiling(new ContractKey("0268", "12345678"), 2026, null, 100_000)]);
        var published = await session.PublishAsync(files);
        await session.WaitUntilProcessedAsync(published, TimeSpan.FromMinutes(2));

        var report = await session.BuildReportAsync();
        Assert.Equal((2L, 1L), (report.Messages.Accepted, report.Messages.DeadLettered));
        Assert.Equal(125_000, Assert.Single(report.Totals).DeclaredCents);
        Assert.Contains(new ReportSignalCount("0268", "12345678", "9346", 1), report.Signals);

        var deadLetter = Assert.Single(TopicReader.ReadAll(infrastructure.Kafka.BootstrapServers, Topics.DeadLetter, expected: 1));
        Assert.Equal(broken, deadLetter.Message.Value);
        Assert.Equal("SD-REQUIRED", Header(deadLetter, DeadLetterHeaders.Rule));
        Assert.Contains("DeclaratieNummer", Header(deadLetter, DeadLetterHeaders.Element) + Header(deadLetter, DeadLetterHeaders.Reason));
        Assert.Equal(Topics.Ijw, Header(deadLetter, DeadLetterHeaders.SourceTopic));
        Assert.Equal(published[1].Partition.Value.ToString(), Header(deadLetter, DeadLetterHeaders.SourcePartition));
        Assert.Equal(published[1].Offset.Value.ToString(), Header(deadLetter, DeadLetterHeaders.SourceOffset));

        // 100 000 of 100 000 after the first message: the ceiling is reached; every threshold fires once and is on the alert topic, without a BSN.
        var alerts = TopicReader.ReadAll(infrastructure.Kafka.BootstrapServers, Topics.Alerts, expected: 3);
        var thresholds = alerts.Select(a => AlertMessage.FromJson(a.Message.Value)!).Where(a => a is { Kind: "CeilingThreshold", Change: "raised" }).ToList();
        Assert.Equal([75, 90, 100], thresholds.Select(a => a.ThresholdPercent!.Value).Order());
        Assert.All(alerts, a => Assert.DoesNotContain(Jw.TestBsn, Encoding.UTF8.GetString(a.Message.Value)));
    }

    private static byte[] RemoveElement(byte[] xml, string localName)
    {
        var text = Encoding.UTF8.GetString(xml);
        var pattern = $@"<(\w+:)?{localName}>[^<]*</(\w+:)?{localName}>";
        Assert.Matches(pattern, text);
        return Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(text, pattern, "", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    private static string Header(ConsumeResult<byte[]?, byte[]> record, string key) =>
        Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes(key));

    public void Dispose() => _work.Delete(recursive: true);
}
