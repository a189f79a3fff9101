using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using SociaalDomein.Storage.Clustering;
using Xunit.Abstractions;

namespace SociaalDomein.Storage.Tests.Clustering;

/// <summary>Silos and a client, each a host of its own as in separate processes, meeting through the PostgreSQL table.</summary>
public sealed class PostgresClusterTests(PostgresFixture postgres, ITestOutputHelper output) : DatabaseTest(postgres)
{
    private const string ServiceId = "sociaaldomein-streaming-tests";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";

    [Fact]
    public async Task Two_silos_form_one_cluster_and_the_client_still_reaches_a_grain_after_the_silo_holding_it_stops()
    {
        var clock = Stopwatch.StartNew();
        await using var hosts = new Hosts();
        // Started together, so their first membership writes race on the same table version.
        var silos = await Task.WhenAll(hosts.StartAsync(SiloHost("silo-a")), hosts.StartAsync(SiloHost("silo-b")));
        var addresses = silos.Select(silo => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress).ToArray();
        await WaitUntilAsync(() => silos.All(silo => ActiveSilos(silo).SetEquals(addresses)), "both silos see each other as active");
        output.WriteLine($"two silos joined one cluster after {clock.Elapsed.TotalSeconds:F1} s");

        var table = new PostgresMembershipTable(DataSource, _clusterId);
        Assert.Equal(
            addresses.OrderBy(silo => silo.Endpoint.Port),
            (await table.ReadAllAsync()).Members.Where(member => member.Item1.Status == SiloStatus.Active)
                .Select(member => member.Item1.SiloAddress).OrderBy(silo => silo.Endpoint.Port));

        var client = (await hosts.StartAsync(ClientHost())).Services.GetRequiredService<IClusterClient>();
        var hostsSeenByClient = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var probe = client.GetGrain<IClusterProbeGrain>("0344:12345678");
        var placedOn = SiloAddress.FromParsableString(await probe.GetSiloAsync());
        output.WriteLine($"client connected and called the grain on {placedOn} after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(addresses.ToHashSet(), hostsSeenByClient.Keys.ToHashSet());
        Assert.Contains(placedOn, addresses);

        var stopping = Array.IndexOf(addresses, placedOn);
        var survivor = addresses[1 - stopping];
        await silos[stopping].StopAsync();
        output.WriteLine($"stopped the grain's silo {placedOn} after {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(survivor, SiloAddress.FromParsableString(await probe.GetSiloAsync()));
        output.WriteLine($"client reached the grain again, now on {survivor}, after {clock.Elapsed.TotalSeconds:F1} s");
        var after = await table.ReadAllAsync();
        Assert.Equal(SiloStatus.Dead, after.Members.Single(member => member.Item1.SiloAddress.Equals(placedOn)).Item1.Status);
        Assert.Equal(SiloStatus.Active, after.Members.Single(member => member.Item1.SiloAddress.Equals(survivor)).Item1.Status);
        var survivorGateway = silos[1 - stopping].Services.GetRequiredService<ILocalSiloDetails>().GatewayAddress.Endpoint;
        Assert.Equal(
            [SiloAddress.New(survivorGateway, survivor.Generation).ToGatewayUri()],
            await new PostgresGatewayListProvider(DataSource, _clusterId, TimeSpan.FromMinutes(1)).GetGatewaysAsync());
    }

    private HostApplicationBuilder SiloHost(string name)
    {
        // No default configuration sources or console logging: the test sets up all the silo needs.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(DataSource);
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(options => { options.ClusterId = _clusterId; options.ServiceId = ServiceId; })
            .Configure<SiloOptions>(options => options.SiloName = name)
            .ConfigureEndpoints(IPAddress.Loopback, FreeLoopbackPort(), FreeLoopbackPort())
            .UsePostgresClustering());
        return builder;
    }

    private HostApplicationBuilder ClientHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // The client side takes a connection string: a worker process need not register the storage.
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(options => { options.ClusterId = _clusterId; options.ServiceId = ServiceId; })
            .UsePostgresClustering(DataSource.ConnectionString));
        return builder;
    }

    private static HashSet<SiloAddress> ActiveSilos(IHost silo) =>
        silo.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active)
            .Select(member => member.SiloAddress)
            .ToHashSet();

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > Patience)
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for: {what}.");
            await Task.Delay(100);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The hosts a test started, stopped (gracefully) and disposed in reverse order at the end, whatever happens.</summary>
    private sealed class Hosts : IAsyncDisposable
    {
        private readonly List<IHost> _started = [];

        public async Task<IHost> StartAsync(HostApplicationBuilder builder)
        {
            var host = builder.Build();
            lock (_started)
                _started.Add(host);
            await host.StartAsync();
            return host;
        }

        public async ValueTask DisposeAsync()
        {
            for (var i = _started.Count - 1; i >= 0; i--)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _started[i].StopAsync(timeout.Token);
                }
                finally
                {
                    _started[i].Dispose();
                }
            }
        }
    }
}
