using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SociaalDomein.Monitoring;
using SociaalDomein.Storage;
using SociaalDomein.Storage.GrainState;

namespace SociaalDomein.Api.Tests;

/// <summary>
/// A WebApplication as the host will build one: storage, the API through its two public methods, real Kestrel on
/// 127.0.0.1 with a free port and, when asked, an Orleans silo in the same process.
/// </summary>
public static class ApiHost
{
    public static async Task<WebApplication> StartAsync(string connectionString, bool withSilo, ILoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(TestKeys.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        if (logs is not null) builder.Logging.AddProvider(logs);

        builder.Services.AddSociaalDomeinStorage(connectionString);
        builder.Services.AddSociaalDomeinApi(builder.Configuration);
        if (withSilo)
        {
            builder.Services.AddMonitoringGrainStateSerializer();
            builder.Services.AddMonitoringDay();
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort())
                .AddPostgresGrainStorage(StorageNames.Monitoring));
        }

        var app = builder.Build();
        app.MapSociaalDomeinApi();
        await app.StartAsync();
        return app;
    }

    public static Uri BaseAddress(this WebApplication app) => new(app.Urls.Single(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)) + "/");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
