namespace SociaalDomein.Host.Telemetry;

/// <summary>OpenTelemetry exporters (section "Telemetry").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>OTLP endpoint for traces and metrics (e.g. http://otel-collector:4317); empty: no OTLP export.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>"grpc" (port 4317) or "http/protobuf" (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Serve the metrics for Prometheus to scrape at /metrics on the HTTP listener.</summary>
    public bool PrometheusEndpoint { get; set; } = true;

    /// <summary>The service.name resource attribute of every span and metric.</summary>
    public string ServiceName { get; set; } = "sociaaldomein-streaming";
}
