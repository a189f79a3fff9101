using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SociaalDomein.Delivery;
using SociaalDomein.Host.Health;
using SociaalDomein.Host.Http;
using SociaalDomein.Ingestion;
using SociaalDomein.Storage;

namespace SociaalDomein.Host.Telemetry;

/// <summary>
/// One trace per message (publish → consume → grain calls → PostgreSQL) and the metrics of every layer, exported over
/// OTLP when an endpoint is configured and served for Prometheus at /metrics.
/// </summary>
public static class TelemetryComposition
{
    /// <summary>Orleans' grain-call spans (with activity propagation on the silo) and its meter.</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The .NET runtime's own meter (GC, thread pool, exceptions) in .NET 9 and later.</summary>
    public const string RuntimeMeter = "System.Runtime";

    public static IServiceCollection AddSociaalDomeinTelemetry(this IServiceCollection services, TelemetryOptions telemetry)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(telemetry.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(IngestionTelemetry.Name, DeliveryTelemetry.Name, StorageTelemetry.Name, OrleansApplicationSource)
                    .AddNpgsql()
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperational(context.Request.Path))
                    .AddProcessor(new PostgresWriteLatencyProcessor());
                if (telemetry.OtlpEndpoint.Length > 0) tracing.AddOtlpExporter(o => Configure(o, telemetry, "v1/traces"));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(IngestionTelemetry.Name, DeliveryTelemetry.Name, HostTelemetry.Name, OrleansMeter, RuntimeMeter)
                    .AddNpgsqlInstrumentation()
                    .AddAspNetCoreInstrumentation();
                if (telemetry.PrometheusEndpoint) metrics.AddPrometheusExporter();
                if (telemetry.OtlpEndpoint.Length > 0) metrics.AddOtlpExporter(o => Configure(o, telemetry, "v1/metrics"));
            });
        return services;
    }

    /// <summary>Probes and scrapes every few seconds would drown the traces that matter.</summary>
    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(SociaalDomeinEndpoints.MetricsPath);

    private static void Configure(OtlpExporterOptions options, TelemetryOptions telemetry, string signalPath)
    {
        var endpoint = new Uri(telemetry.OtlpEndpoint);
        if (telemetry.OtlpProtocol == "http/protobuf")
        {
            // An Endpoint set in code is used as it is over HTTP: add the signal's path to the collector's base address.
            options.Protocol = OtlpExportProtocol.HttpProtobuf;
            options.Endpoint = new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/" + signalPath);
        }
        else
        {
            options.Protocol = OtlpExportProtocol.Grpc;
            options.Endpoint = endpoint;
        }
    }
}
