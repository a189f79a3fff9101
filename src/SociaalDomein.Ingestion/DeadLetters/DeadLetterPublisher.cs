using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Messages.Reading;

namespace SociaalDomein.Ingestion.DeadLetters;

/// <summary>Puts a record that cannot be accepted on the dead-letter topic: original key, bytes and headers, plus the reason.</summary>
public sealed class DeadLetterPublisher : IDisposable
{
    private const int MaxErrorsHeaderLength = 8_192;
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly string _topic;

    public DeadLetterPublisher(IOptions<KafkaOptions> options)
    {
        _topic = options.Value.DeadLetterTopic;
        _producer = new ProducerBuilder<byte[]?, byte[]?>(KafkaClientConfigs.Producer(options.Value, "sd-deadletter")).Build();
    }

    /// <summary>
    /// Returns once the dead-letter record is acknowledged by Kafka, so the source offset may be committed. The record
    /// carries the trace of the consumed one on, with a span that says why it was refused.
    /// </summary>
    public async Task PublishAsync(ConsumeResult<byte[]?, byte[]?> record, InvalidMessageException error, CancellationToken cancellationToken)
    {
        using var activity = IngestionTelemetry.Source.StartActivity(IngestionTelemetry.Spans.DeadLetter, ActivityKind.Producer);
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.operation.type", "send");
        activity?.SetTag(IngestionTelemetry.Tags.Topic, _topic);
        // Explanations and element paths never quote a BSN (the reader masks digit runs), so they may go into a span.
        activity?.SetTag(IngestionTelemetry.Tags.DeadLetterRule, error.First.Rule);
        activity?.SetTag(IngestionTelemetry.Tags.DeadLetterElement, error.First.Path);
        activity?.SetTag(IngestionTelemetry.Tags.DeadLetterReason, error.First.Explanation);
        activity?.SetTag("sd.deadletter.source", $"{record.Topic}[{record.Partition.Value}]@{record.Offset.Value}");

        var headers = new Headers();
        if (record.Message.Headers is not null)
        {
            foreach (var header in record.Message.Headers)
                headers.Add(header.Key, header.GetValueBytes());
        }
        headers.Add(DeadLetterHeaders.Reason, Utf8(error.First.Explanation));
        headers.Add(DeadLetterHeaders.Rule, Utf8(error.First.Rule));
        headers.Add(DeadLetterHeaders.Element, Utf8(error.First.Path));
        var all = string.Join("\n", error.Errors.Select(e => e.ToString()));
        headers.Add(DeadLetterHeaders.Errors, Utf8(all.Length > MaxErrorsHeaderLength ? all[..MaxErrorsHeaderLength] : all));
        headers.Add(DeadLetterHeaders.SourceTopic, Utf8(record.Topic));
        headers.Add(DeadLetterHeaders.SourcePartition, Utf8(record.Partition.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(DeadLetterHeaders.SourceOffset, Utf8(record.Offset.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(DeadLetterHeaders.SourceTimestamp,
            Utf8(record.Message.Timestamp.UnixTimestampMs.ToString(CultureInfo.InvariantCulture)));
        // The original traceparent is kept above; this last one (the one readers take) continues the trace from this span.
        if (activity is not null) headers.Add("traceparent", Utf8(activity.Id!));

        await _producer.ProduceAsync(_topic,
            new Message<byte[]?, byte[]?> { Key = record.Message.Key, Value = record.Message.Value, Headers = headers },
            cancellationToken);
    }

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }
}
