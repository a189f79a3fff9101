using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace SociaalDomein.Host.Health;

/// <summary>This process's silo is an active member of its cluster.</summary>
public sealed class SiloJoinedHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo.SiloAddress} is active in cluster {silo.ClusterId} ({active} active silo(s))")
            : HealthCheckResult.Unhealthy($"silo {silo.SiloAddress} is {status}, not active, in cluster {silo.ClusterId}"));
    }
}
