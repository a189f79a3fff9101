using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SociaalDomein.Monitoring.Budget;
using Orleans.Storage;

namespace SociaalDomein.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Grain state of the monitoring grains is written with Orleans' own version-tolerant serializer: the state types are
    /// [GenerateSerializer] types (dictionaries with struct keys among them) that the default JSON serializer cannot read back.
    /// </summary>
    public static IServiceCollection AddMonitoringGrainStateSerializer(this IServiceCollection services) =>
        services.AddKeyedSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>(StorageNames.Monitoring);

    /// <summary>The day the rules count as today: <see cref="ConfiguredMonitoringDay"/> unless another was registered first.</summary>
    public static IServiceCollection AddMonitoringDay(this IServiceCollection services)
    {
        services.TryAddSingleton<IMonitoringDay, ConfiguredMonitoringDay>();
        return services;
    }
}
