using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SociaalDomein.Ingestion;

namespace SociaalDomein.LoadTests.Measurement;

/// <summary>
/// Listens in-process to the worker's own end-to-end histogram (record timestamp → effect durable, per record), so the
/// harness gets every 323's produce→durable latency without touching the pipeline.
/// </summary>
public sealed class DurableLatencyListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentBag<double> _declarationsMs = [];

    public DurableLatencyListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // By name: this runs inside IngestionTelemetry's static constructor, before its fields are set.
            if (instrument.Meter.Name == IngestionTelemetry.Name && instrument.Name == "sd.message.end_to_end.duration")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == IngestionTelemetry.Tags.MessageType && tag.Value?.ToString()?.Contains("323", StringComparison.Ordinal) == true)
                {
                    _declarationsMs.Add(seconds * 1000);
                    return;
                }
            }
        });
        _listener.Start();
    }

    /// <summary>Produce→durable latency of every processed 323 record, in ms.</summary>
    public IReadOnlyCollection<double> DeclarationsMs => _declarationsMs;

    public void Dispose() => _listener.Dispose();
}
