using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Messaging;
using SociaalDomein.Storage.Clustering;

namespace SociaalDomein.Storage.Tests.Clustering;

public sealed class ClusteringRegistrationTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    [Fact]
    public async Task A_silo_gets_a_membership_table_for_its_cluster_id_on_the_storages_data_source()
    {
        var silo = new TestSiloBuilder();
        silo.Services.AddSingleton(DataSource);
        silo.Services.Configure<ClusterOptions>(options => options.ClusterId = "regio-nijmegen");

        await using var services = silo.UsePostgresClustering().Services.BuildServiceProvider();
        var table = Assert.IsType<PostgresMembershipTable>(services.GetRequiredService<IMembershipTable>());
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        Assert.Equal("regio-nijmegen", table.ClusterId);
        Assert.Equal(0, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task A_client_given_a_connection_string_gets_a_data_source_of_its_own_beside_the_storages()
    {
        await using var storage = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=not_this_one");
        var client = new TestClientBuilder();
        client.Services.AddSingleton(storage);
        client.Services.Configure<ClusterOptions>(options => options.ClusterId = "regio-nijmegen");
        client.Services.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));

        await using var services = client.UsePostgresClustering(DataSource.ConnectionString!).Services.BuildServiceProvider();
        var gateways = Assert.IsType<PostgresGatewayListProvider>(services.GetRequiredService<IGatewayListProvider>());

        Assert.Equal("regio-nijmegen", gateways.ClusterId);
        Assert.Equal(TimeSpan.FromSeconds(5), gateways.MaxStaleness);
        Assert.Empty(await gateways.GetGatewaysAsync());
        Assert.Same(storage, services.GetRequiredService<NpgsqlDataSource>());
        Assert.Equal(DataSource.ConnectionString,
            services.GetRequiredKeyedService<NpgsqlDataSource>(PostgresClusteringExtensions.DataSourceKey).ConnectionString);
    }

    [Fact]
    public async Task Without_a_data_source_or_connection_string_the_registration_says_what_to_add()
    {
        var silo = new TestSiloBuilder();
        silo.Services.Configure<ClusterOptions>(options => options.ClusterId = "regio-nijmegen");
        await using var services = silo.UsePostgresClustering().Services.BuildServiceProvider();

        var refused = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IMembershipTable>());

        Assert.Contains("AddSociaalDomeinStorage", refused.Message);
    }

    private sealed class TestSiloBuilder : ISiloBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
    }

    private sealed class TestClientBuilder : IClientBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
    }
}
