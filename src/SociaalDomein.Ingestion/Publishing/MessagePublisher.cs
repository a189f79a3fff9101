using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Messages.Reading;

namespace SociaalDomein.Ingestion.Publishing;

/// <summary>
/// Puts message files on an input topic as the backoffice would: value = the bytes as read, key = municipality code +
/// provider AGB (so one contract's messages stay in order on one partition), and a W3C trace context header.
/// </summary>
public sealed class MessagePublisher : IDisposable
{
    private readonly IProducer<string?, byte[]> _producer;

    public MessagePublisher(KafkaOptions options) =>
        _producer = new ProducerBuilder<string?, byte[]>(KafkaClientConfigs.Producer(options, "sd-publisher")).Build();

    /// <summary>All <c>*.xml</c> files under <paramref name="directory"/> (recursively), in ordinal file-name order.</summary>
    public static IReadOnlyList<string> FindMessageFiles(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Input directory '{directory}' does not exist.");
        return Directory.EnumerateFiles(directory, "*.xml", SearchOption.AllDirectories)
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Publishes the files in the given order; returns the position of every record, once all are acknowledged.</summary>
    public async Task<IReadOnlyList<TopicPartitionOffset>> PublishFilesAsync(string topic, IEnumerable<string> files,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var positions = new List<TopicPartitionOffset>();
        var published = 0;
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            // Sequential awaits keep the file order on each partition even without idempotence on the broker.
            var result = await PublishAsync(topic, bytes, Path.GetFileName(file), cancellationToken);
            positions.Add(result);
            progress?.Report(++published);
        }
        return positions;
    }

    public async Task<TopicPartitionOffset> PublishAsync(string topic, byte[] xml, string sourceName, CancellationToken cancellationToken = default)
    {
        using var activity = IngestionTelemetry.Source.StartActivity("istd publish", ActivityKind.Producer);
        activity?.SetTag("messaging.destination.name", topic);
        var headers = new Headers { { "sd-source-file", Encoding.UTF8.GetBytes(sourceName) } };
        // Without a listener there is no activity; the record still starts a trace of its own.
        var traceParent = activity?.Id ?? Activity.Current?.Id
            ?? $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        headers.Add("traceparent", Encoding.ASCII.GetBytes(traceParent));
        var result = await _producer.ProduceAsync(topic,
            new Message<string?, byte[]> { Key = KeyOf(xml, sourceName), Value = xml, Headers = headers }, cancellationToken);
        return result.TopicPartitionOffset;
    }

    /// <summary>"municipality:provider" from the header; null for a message that does not parse (it is still published, and dead-lettered).</summary>
    public static string? KeyOf(byte[] xml, string sourceName)
    {
        try
        {
            var message = MessageReader.Read(xml, sourceName);
            return $"{message.MunicipalityCode}:{message.ProviderAgb}";
        }
        catch (InvalidMessageException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }
}
