using SociaalDomein.Monitoring.Ingestion;
using SociaalDomein.Storage.MessageLog;

namespace SociaalDomein.Storage.Tests;

public sealed class MessageLogTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private PostgresMessageLog Log => new(DataSource);

    [Fact]
    public async Task Accepted_counts_distinct_messages_and_dead_lettered_counts_records_each_position_once()
    {
        const string may = "ijw:303:12345678:D-2026-05";
        const string june = "ijw:303:12345678:D-2026-06";
        await Log.RecordAcceptedAsync(new SourcePosition("istd.ijw", 0, 10), may, "ijw", 303, "0344", "12345678", 3);
        await Log.RecordAcceptedAsync(new SourcePosition("istd.ijw", 0, 11), june, "ijw", 303, "0344", "12345678", 2);
        // The same message published twice: a second record, still one message.
        await Log.RecordAcceptedAsync(new SourcePosition("istd.ijw", 1, 4), may, "ijw", 303, "0344", "12345678", 3);
        // The same record consumed again after a crash.
        await Log.RecordAcceptedAsync(new SourcePosition("istd.ijw", 0, 11), june, "ijw", 303, "0344", "12345678", 2);
        await Log.RecordDeadLetteredAsync(new SourcePosition("istd.ijw", 0, 12), "ProductCode missing", "TR301", "Prestatie/Product/Code");
        await Log.RecordDeadLetteredAsync(new SourcePosition("istd.iwmo", 0, 12), "not well-formed XML", "XML", "/");
        await Log.RecordDeadLetteredAsync(new SourcePosition("istd.ijw", 0, 12), "ProductCode missing", "TR301", "Prestatie/Product/Code");

        Assert.Equal(new MessageCounts(Accepted: 2, DeadLettered: 2), await Log.CountAsync());
        Assert.Equal(5L, await ScalarAsync<long>("SELECT count(*) FROM message_log"));
    }

    [Fact]
    public async Task Records_logged_concurrently_are_each_durable_once_when_their_call_returns()
    {
        var log = Log;
        // 300 lanes' worth of records at once, a third of them logged twice (a record consumed again), and dead letters between.
        Task LogRecord(int i) => i % 10 == 9
            ? log.RecordDeadLetteredAsync(new SourcePosition("istd.ijw", i % 6, i), "not well-formed XML", "XML", "/")
            : log.RecordAcceptedAsync(new SourcePosition("istd.ijw", i % 6, i), $"ijw:323:12345678:D-{i}", "ijw", 323, "0344", "12345678", i % 7);
        var calls = Enumerable.Range(0, 300).Select(LogRecord);
        var repeats = Enumerable.Range(0, 100).Select(i => LogRecord(i * 3));
        await Task.WhenAll(calls.Concat(repeats).ToList());

        Assert.Equal(new MessageCounts(Accepted: 270, DeadLettered: 30), await log.CountAsync());
        Assert.Equal(300L, await ScalarAsync<long>("SELECT count(*) FROM message_log"));
        Assert.Equal(Enumerable.Range(0, 300).Where(i => i % 10 != 9).Sum(i => (long)(i % 7)),
            await ScalarAsync<long>("SELECT sum(line_count) FROM message_log WHERE status = 'accepted'"));
        Assert.Equal(30L, await ScalarAsync<long>("SELECT count(*) FROM message_log WHERE status = 'dead_lettered' AND rule = 'XML' AND message_id IS NULL"));
    }

    [Fact]
    public async Task Under_group_commit_every_records_span_reaches_the_write_that_carried_its_row_and_each_write_names_all_it_carried()
    {
        var spans = new System.Collections.Concurrent.ConcurrentBag<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == StorageTelemetry.Name || source.Name == "test",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var test = new System.Diagnostics.ActivitySource("test");
        var log = Log;

        // 200 records, each in a trace of its own, logged at once: most rows ride in a write another record's call runs.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            using var record = test.StartActivity($"record {i}", System.Diagnostics.ActivityKind.Consumer, parentContext: default);
            await log.RecordAcceptedAsync(new SourcePosition("istd.ijw", i % 4, i), $"ijw:323:12345678:T-{i}", "ijw", 323, "0344", "12345678", 1);
        })));

        var records = spans.Where(s => s.DisplayName == StorageTelemetry.Spans.MessageLogRecord).ToList();
        var writes = spans.Where(s => s.DisplayName == StorageTelemetry.Spans.MessageLogWrite).ToDictionary(s => s.SpanId);
        Assert.Equal(200, records.Count);
        Assert.Equal(200, records.Select(r => r.TraceId).Distinct().Count());
        // Each record's span has exactly one write: its own child, or the write it links to.
        var carriedBy = records.ToDictionary(r => r.SpanId, r =>
        {
            var own = writes.Values.Where(w => w.ParentSpanId == r.SpanId).Select(w => w.SpanId);
            var linked = r.Links.Select(l => l.Context.SpanId).Where(writes.ContainsKey);
            return Assert.Single(own.Concat(linked));
        });
        // Each write names what it carried: its parent record (if a caller ran it) and a link to every other one.
        foreach (var (spanId, write) in writes)
        {
            var named = write.Links.Select(l => l.Context.SpanId.ToHexString()).Concat(records.Where(r => r.SpanId == write.ParentSpanId).Select(r => r.SpanId.ToHexString())).Order().ToList();
            Assert.Equal(carriedBy.Where(c => c.Value == spanId).Select(c => c.Key.ToHexString()).Order().ToList(), named);
            Assert.Equal(named.Count, (int)write.GetTagItem(StorageTelemetry.Tags.Rows)!);
        }
        Assert.True(writes.Count < 200, $"expected group commit to carry several rows in one write; {writes.Count} writes");
        Assert.Equal(200L, await ScalarAsync<long>("SELECT count(*) FROM message_log"));
    }

    [Fact]
    public async Task An_empty_log_counts_nothing()
    {
        Assert.Equal(new MessageCounts(0, 0), await Log.CountAsync());
    }
}
