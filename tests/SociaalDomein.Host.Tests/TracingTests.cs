using System.Diagnostics;
using SociaalDomein.Host.Telemetry;
using SociaalDomein.Ingestion;
using SociaalDomein.Storage;

namespace SociaalDomein.Host.Tests;

/// <summary>One trace per message, from the publisher through the worker and the grain call to the PostgreSQL write.</summary>
[Trait("Category", "Operations")]
[Collection(PipelineCollection.Name)]
public sealed class TracingTests(ObservedPipeline pipeline)
{
    [Fact]
    public void A_declaration_is_one_trace_from_publish_through_the_grain_call_to_the_ledger_write()
    {
        var all = pipeline.Spans;
        var publish = all.Where(s => s.DisplayName == IngestionTelemetry.Spans.Publish).OrderBy(s => s.StartTimeUtc).First();
        var trace = all.Where(s => s.TraceId == publish.TraceId).ToList();
        var process = Assert.Single(trace, s => s.DisplayName == IngestionTelemetry.Spans.Process);
        Assert.Equal((ActivityKind.Producer, ActivityKind.Consumer), (publish.Kind, process.Kind));
        Assert.Equal(publish.SpanId, process.ParentSpanId);
        Assert.Equal(("ijw", "323", "accepted"), (Tag(process, IngestionTelemetry.Tags.Standard), Tag(process, IngestionTelemetry.Tags.MessageType),
            Tag(process, IngestionTelemetry.Tags.Outcome)));

        // publish → process → grain call (client, server) → the ledger append in PostgreSQL, all one trace.
        var ledgerWrite = Assert.Single(trace, s => s.Source.Name == PostgresWriteLatencyProcessor.NpgsqlSourceName
                                                    && Tag(s, "db.query.text")?.Contains("INSERT INTO declaration_lines", StringComparison.Ordinal) == true);
        var chain = Ancestors(ledgerWrite, trace);
        Assert.Equal(publish.SpanId, chain[^1].SpanId);
        Assert.Contains(chain, s => s.SpanId == process.SpanId);
        Assert.Contains(chain, s => s.Source.Name == TelemetryComposition.OrleansApplicationSource && s.Kind == ActivityKind.Client
                                    && s.DisplayName.Contains("ApplyDeclarationLines", StringComparison.Ordinal));
        Assert.Contains(chain, s => s.Source.Name == TelemetryComposition.OrleansApplicationSource && s.Kind == ActivityKind.Server);
        // The grain state write and the message log entry belong to the same trace.
        Assert.Contains(trace, s => Tag(s, "db.query.text")?.Contains("grain_state", StringComparison.Ordinal) == true
                                    && Tag(s, "db.query.text")?.StartsWith("SELECT", StringComparison.Ordinal) == false);
        // The message-log entry: the record's span in this trace, and the INSERT that carried its row under the write
        // span that is its child, or (group commit: another record's call wrote it) the write span it links to.
        var logged = Assert.Single(trace, s => s.ParentSpanId == process.SpanId && s.DisplayName == StorageTelemetry.Spans.MessageLogRecord);
        var write = Assert.Single(all, s => s.DisplayName == StorageTelemetry.Spans.MessageLogWrite
                                            && (s.ParentSpanId == logged.SpanId || logged.Links.Any(l => l.Context.SpanId == s.SpanId)));
        Assert.Contains(all, s => s.ParentSpanId == write.SpanId && s.TraceId == write.TraceId
                                  && Tag(s, "db.query.text")?.Contains("INSERT INTO message_log", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_refused_message_has_a_dead_letter_span_with_the_rule_and_reason()
    {
        var all = pipeline.Spans;
        var publish = all.Where(s => s.DisplayName == IngestionTelemetry.Spans.Publish).OrderBy(s => s.StartTimeUtc).Last();
        var trace = all.Where(s => s.TraceId == publish.TraceId).ToList();
        var refused = Assert.Single(trace, s => s.DisplayName == IngestionTelemetry.Spans.Process);
        Assert.Equal(ActivityStatusCode.Error, refused.Status);
        Assert.Equal("dead_lettered", Tag(refused, IngestionTelemetry.Tags.Outcome));
        var deadLetter = Assert.Single(trace, s => s.DisplayName == IngestionTelemetry.Spans.DeadLetter);
        Assert.Equal(refused.SpanId, deadLetter.ParentSpanId);
        Assert.Equal("SD-REQUIRED", Tag(deadLetter, IngestionTelemetry.Tags.DeadLetterRule));
        Assert.Equal("The required element 'DeclaratieNummer' is missing from 'Declaratie'.", Tag(deadLetter, IngestionTelemetry.Tags.DeadLetterReason));
    }

    [Fact]
    public void Each_published_alert_is_a_span_with_its_kind_and_reason()
    {
        var alertSpans = pipeline.Spans.Where(s => s.DisplayName == IngestionTelemetry.Spans.AlertPublish).ToList();
        Assert.All(alertSpans, s => Assert.Equal(ActivityKind.Producer, s.Kind));
        Assert.All(alertSpans, s => Assert.False(string.IsNullOrEmpty(Tag(s, IngestionTelemetry.Tags.AlertReason))));
        var thresholds = alertSpans.Where(s => Tag(s, IngestionTelemetry.Tags.AlertKind) == "CeilingThreshold").ToList();
        Assert.Equal(["critical", "info", "warning"], thresholds.Select(s => Tag(s, IngestionTelemetry.Tags.AlertSeverity)).Order());
        Assert.All(thresholds, s => Assert.Contains("of the ceiling of", Tag(s, IngestionTelemetry.Tags.AlertReason)));
    }

    [Fact]
    public void No_span_name_tag_or_status_carries_the_BSN()
    {
        var texts = pipeline.Spans.SelectMany(s => s.TagObjects.Select(t => t.Value?.ToString() ?? "").Append(s.DisplayName).Append(s.StatusDescription ?? ""))
            .ToList();
        Assert.True(texts.Count > 100, $"expected many span texts to scan, got {texts.Count}");
        Assert.DoesNotContain(texts, t => t.Contains(Jw.TestBsn, StringComparison.Ordinal));
    }

    /// <summary>The span itself, its parent, and so on up to the root of the trace.</summary>
    private static List<Activity> Ancestors(Activity span, IReadOnlyList<Activity> trace)
    {
        var chain = new List<Activity> { span };
        while (chain[^1].ParentSpanId != default && trace.FirstOrDefault(s => s.SpanId == chain[^1].ParentSpanId) is { } parent)
            chain.Add(parent);
        return chain;
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();
}
