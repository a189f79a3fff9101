using Microsoft.Extensions.Hosting;
using SociaalDomein.Storage.Migrations;

namespace SociaalDomein.Host.Composition;

/// <summary>Brings the database schema up to date before any other service (the silo's grain storage among them) starts.</summary>
public sealed class MigrationHostedService(MigrationRunner migrations) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrations.MigrateAsync(cancellationToken);
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
