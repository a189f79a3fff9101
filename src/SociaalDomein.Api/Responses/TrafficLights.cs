using Microsoft.Extensions.Options;
using SociaalDomein.Monitoring.Budget;

namespace SociaalDomein.Api.Responses;

/// <summary>Traffic lights that turn amber at the same threshold the monitoring raises its first alert at.</summary>
public sealed class TrafficLights(IOptions<MonitoringOptions> options)
{
    public int AmberFromPercent { get; } = options.Value.EffectiveThresholdPercents.DefaultIfEmpty(75).Min();

    public CeilingUse For(long declaredCents, long? ceilingCents) => CeilingUse.Of(declaredCents, ceilingCents, AmberFromPercent);
}
