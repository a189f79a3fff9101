using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SociaalDomein.Ingestion.Kafka;

namespace SociaalDomein.Host.Health;

/// <summary>Kafka is reachable: a broker answers a metadata request within <see cref="HealthOptions.KafkaTimeoutMs"/>.</summary>
public sealed class KafkaHealthCheck(IOptions<KafkaOptions> kafka, IOptions<HealthOptions> health, ILogger<KafkaHealthCheck> logger)
    : IHealthCheck, IDisposable
{
    private readonly Lazy<IAdminClient> _admin = new(() => new AdminClientBuilder(KafkaClientConfigs.Admin(kafka.Value, "sd-health"))
        // Unreachable brokers are this check's answer, not something to print on stderr every few seconds.
        .SetLogHandler((_, m) => logger.LogDebug("librdkafka {Facility}: {Message}", m.Facility, m.Message))
        .SetErrorHandler((_, e) => logger.LogDebug("Kafka health client: {Reason}", e.Reason))
        .Build());

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var timeout = TimeSpan.FromMilliseconds(health.Value.KafkaTimeoutMs);
        try
        {
            // GetMetadata blocks its thread for up to the timeout.
            var metadata = await Task.Run(() => _admin.Value.GetMetadata(timeout), cancellationToken);
            return metadata.Brokers.Count > 0
                ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s) answered")
                : HealthCheckResult.Unhealthy($"no Kafka broker answered within {timeout.TotalMilliseconds:0} ms ({kafka.Value.BootstrapServers})");
        }
        catch (KafkaException e)
        {
            return HealthCheckResult.Unhealthy($"no Kafka broker answered within {timeout.TotalMilliseconds:0} ms ({kafka.Value.BootstrapServers}): {e.Error.Reason}");
        }
    }

    public void Dispose()
    {
        if (_admin.IsValueCreated) _admin.Value.Dispose();
    }
}
