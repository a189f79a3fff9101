using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace SociaalDomein.Storage.GrainState;

/// <summary>Registers <see cref="PostgresGrainStorage"/> as a named Orleans grain storage provider.</summary>
public static class PostgresGrainStorageExtensions
{
    /// <summary>
    /// Adds grain storage <paramref name="name"/> backed by the <c>grain_state</c> table, using the
    /// <see cref="NpgsqlDataSource"/> registered by <c>AddSociaalDomeinStorage</c>.
    /// </summary>
    /// <remarks>
    /// The serializer is the <see cref="IGrainStorageSerializer"/> keyed by <paramref name="name"/> if there is one,
    /// otherwise the silo's default one.
    /// </remarks>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPostgresGrainStorage(name);
        return builder;
    }

    /// <inheritdoc cref="AddPostgresGrainStorage(ISiloBuilder, string)"/>
    public static IServiceCollection AddPostgresGrainStorage(this IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return services.AddGrainStorage(name, static (provider, key) => new PostgresGrainStorage(
            key,
            provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetKeyedService<IGrainStorageSerializer>(key) ?? provider.GetRequiredService<IGrainStorageSerializer>(),
            provider.GetRequiredService<IActivatorProvider>()));
    }
}
