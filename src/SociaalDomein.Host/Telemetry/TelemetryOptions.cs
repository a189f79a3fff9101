namespace SociaalDomein.Host.Telemetry;

/// <summary>OpenTelemetry exporters (section "Telemetry").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>OTLP endpoint (e.g. http://otel-collector:4317); empty: no OTLP export.</summary>
    public string OtlpEndpoint { get; set; } = "";

    public string ServiceName { get; set; } = "sociaaldomein-streaming";
}
