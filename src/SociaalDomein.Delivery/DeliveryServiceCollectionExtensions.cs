using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SociaalDomein.Delivery.Email;
using SociaalDomein.Delivery.Log;
using SociaalDomein.Delivery.Subscriptions;
using SociaalDomein.Delivery.Webhooks;
using SociaalDomein.Delivery.Worker;
using SociaalDomein.Ingestion.Kafka;

namespace SociaalDomein.Delivery;

/// <summary>Wires alert delivery into a host.</summary>
public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The subscription store and delivery log, on the <see cref="Npgsql.NpgsqlDataSource"/> the host registered: what
    /// the API needs to manage subscriptions.
    /// </summary>
    public static IServiceCollection AddAlertSubscriptions(this IServiceCollection services)
    {
        services.TryAddSingleton<SubscriptionStore>();
        services.TryAddSingleton<DeliveryLog>();
        return services;
    }

    /// <summary>
    /// The delivery worker (sections <c>Delivery</c> and <c>Smtp</c>, checked at start) reading <c>Kafka:AlertTopic</c>.
    /// Kafka options are bound here unless the host bound them already (binding twice would double list settings).
    /// </summary>
    public static IServiceCollection AddSociaalDomeinAlertDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAlertSubscriptions();
        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(d => d.ServiceType == typeof(IConfigureOptions<KafkaOptions>)))
            services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.Section));
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>>(new CheckedOptions<DeliveryOptions>(o => o.Check()));
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>>(new CheckedOptions<SmtpOptions>(o => o.Check()));
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<EmailSender>();
        services.AddMetrics();
        services.TryAddSingleton<DeliveryTelemetry>();
        services.TryAddSingleton<AlertDispatcher>();
        services.AddHostedService<AlertDeliveryWorker>();
        return services;
    }

    private sealed class CheckedOptions<TOptions>(Func<TOptions, IEnumerable<string>> check) : IValidateOptions<TOptions> where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var failures = check(options).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
