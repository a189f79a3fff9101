using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SociaalDomein.Ingestion.AlertPublishing;
using SociaalDomein.Ingestion.DeadLetters;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Ingestion.Processing;
using SociaalDomein.Ingestion.Worker;

namespace SociaalDomein.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>The Kafka consumer worker with its handlers and the dead-letter publisher.</summary>
    public static IServiceCollection AddSociaalDomeinIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKafkaOptions(configuration);
        services.AddSingleton<IngestionProgress>();
        services.AddSingleton<DeadLetterPublisher>();
        services.AddSingleton<MessageRouter>();
        services.AddSingleton<IMessageHandler, DeclaratieHandler>();
        services.AddSingleton<IMessageHandler, ToewijzingHandler>();
        services.AddSingleton<IMessageHandler, StartZorgHandler>();
        services.AddSingleton<IMessageHandler, StopZorgHandler>();
        services.AddSingleton<IMessageHandler, VerzoekOmToewijzingHandler>();
        services.AddSingleton<IMessageHandler, VerzoekOmWijzigingHandler>();
        services.AddSingleton<IMessageHandler, AntwoordHandler>();
        services.AddSingleton<IMessageHandler, DeclaratieAntwoordHandler>();
        services.AddHostedService<IngestionWorker>();
        return services;
    }

    /// <summary>The outbox relay that publishes recorded alerts to Kafka.</summary>
    public static IServiceCollection AddSociaalDomeinAlertPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKafkaOptions(configuration);
        services.AddHostedService<AlertPublisher>();
        return services;
    }

    private static void AddKafkaOptions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<KafkaOptions>()
            .Bind(configuration.GetSection(KafkaOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.BootstrapServers), "Kafka:BootstrapServers is required (host:port[,host:port]).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConsumerGroup), "Kafka:ConsumerGroup must not be empty.")
            .Validate(o => o.SessionTimeoutMs >= 1_000, "Kafka:SessionTimeoutMs must be at least 1000.")
            .ValidateOnStart();
}
