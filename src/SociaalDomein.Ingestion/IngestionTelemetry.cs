using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SociaalDomein.Ingestion;

/// <summary>Trace source and metrics of the ingestion path. No BSN and nothing client-level ever goes into a tag.</summary>
public static class IngestionTelemetry
{
    public const string Name = "SociaalDomein.Ingestion";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> MessagesConsumed = Meter.CreateCounter<long>("sd.messages.consumed", description: "Records consumed from the input topics");
    public static readonly Counter<long> MessagesAccepted = Meter.CreateCounter<long>("sd.messages.accepted", description: "Messages applied to the grains");
    public static readonly Counter<long> MessagesDeadLettered = Meter.CreateCounter<long>("sd.messages.deadlettered", description: "Records sent to the dead-letter topic");
    public static readonly Counter<long> DeclarationLines = Meter.CreateCounter<long>("sd.declaration.lines", description: "Declaration lines applied");
    public static readonly Counter<long> AlertsPublished = Meter.CreateCounter<long>("sd.alerts.published", description: "Alerts produced to the alert topic");
}
