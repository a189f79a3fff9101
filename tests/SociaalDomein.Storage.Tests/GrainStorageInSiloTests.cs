using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SociaalDomein.Storage.GrainState;

namespace SociaalDomein.Storage.Tests;

public interface ITotalsGrain : IGrainWithStringKey
{
    Task<long> AddAsync(long cents);

    Task<long> GetAsync();

    /// <summary>Ends this activation after the call, so the next call activates the grain again from storage.</summary>
    Task DeactivateAsync();
}

/// <summary>Keeps a total in the PostgreSQL grain storage, the way the monitoring grains do.</summary>
public sealed class TotalsGrain([PersistentState("totals", GrainStorageInSiloTests.StorageName)] IPersistentState<ContractTotals> totals)
    : Grain, ITotalsGrain
{
    public async Task<long> AddAsync(long cents)
    {
        totals.State.DeclaredCents += cents;
        await totals.WriteStateAsync();
        return totals.State.DeclaredCents;
    }

    public Task<long> GetAsync() => Task.FromResult(totals.State.DeclaredCents);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

public sealed class GrainStorageInSiloTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    public const string StorageName = "monitoring";

    [Fact]
    public async Task A_grains_persistent_state_is_read_back_by_its_next_activation_through_the_silos_own_serializer()
    {
        await using var silo = await StartSiloAsync();
        var grain = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ITotalsGrain>("0344:12345678");
        await grain.AddAsync(12_500);
        await grain.DeactivateAsync();

        Assert.Equal(12_500, await grain.GetAsync());
        Assert.Equal(5_250, await grain.AddAsync(-7_250));
        Assert.Equal(2L, await ScalarAsync<long>("SELECT etag FROM grain_state WHERE state_name = 'totals'"));
    }

    private async Task<IAsyncDisposableHost> StartSiloAsync()
    {
        // No default configuration sources or console logging: the test sets up all the silo needs.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(DataSource);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreeLoopbackPort(), gatewayPort: FreeLoopbackPort())
            .AddPostgresGrainStorage(StorageName));
        var host = builder.Build();
        await host.StartAsync();
        return new IAsyncDisposableHost(host);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the silo gracefully (deactivating its grains) before disposing it.</summary>
    private sealed class IAsyncDisposableHost(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
