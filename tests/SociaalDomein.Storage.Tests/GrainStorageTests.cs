using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using SociaalDomein.Storage.GrainState;

namespace SociaalDomein.Storage.Tests;

/// <summary>A grain state shaped like a contract grain's: totals that must never be overwritten by a stale activation.</summary>
[GenerateSerializer]
public sealed class ContractTotals
{
    [Id(0)] public long LastSequence { get; set; }
    [Id(1)] public long DeclaredCents { get; set; }
}

public sealed class GrainStorageTests(PostgresFixture postgres) : DatabaseTest(postgres), IDisposable
{
    private const string StateName = "totals";
    private static readonly GrainId Contract = GrainId.Create("contract", "0344:12345678");

    private ServiceProvider? _services;

    private IGrainStorage Storage
    {
        get
        {
            _services ??= new ServiceCollection()
                .AddSerializer()
                .AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>()
                .AddSingleton(DataSource)
                .AddPostgresGrainStorage("contracts")
                .BuildServiceProvider();
            return _services.GetRequiredKeyedService<IGrainStorage>("contracts");
        }
    }

    public void Dispose() => _services?.Dispose();

    private async Task<GrainState<ContractTotals>> ReadAsync(GrainId? grain = null)
    {
        var state = new GrainState<ContractTotals>(new ContractTotals());
        await Storage.ReadStateAsync(StateName, grain ?? Contract, state);
        return state;
    }

    [Fact]
    public async Task A_state_never_written_reads_as_new_without_a_version()
    {
        var state = await ReadAsync();

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.DeclaredCents);
    }

    [Fact]
    public async Task Written_state_reads_back_with_its_version_and_each_write_increments_it()
    {
        var state = await ReadAsync();
        state.State = new ContractTotals { LastSequence = 3, DeclaredCents = 19_750 };
        await Storage.WriteStateAsync(StateName, Contract, state);
        state.State!.DeclaredCents = 7_250;
        await Storage.WriteStateAsync(StateName, Contract, state);

        var read = await ReadAsync();

        Assert.Equal("2", state.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal((3L, 7_250L), (read.State!.LastSequence, read.State!.DeclaredCents));
        Assert.Null((await ReadAsync(GrainId.Create("contract", "0307:12345678"))).ETag);
    }

    [Fact]
    public async Task A_write_from_a_stale_activation_throws_InconsistentStateException_and_keeps_the_newer_state()
    {
        var current = await ReadAsync();
        await Storage.WriteStateAsync(StateName, Contract, current);
        var stale = await ReadAsync();
        current.State!.DeclaredCents = 10_000;
        await Storage.WriteStateAsync(StateName, Contract, current);

        stale.State!.DeclaredCents = 99_900;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, Contract, stale));

        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("1", conflict.CurrentEtag);
        Assert.Equal(10_000, (await ReadAsync()).State!.DeclaredCents);
    }

    [Fact]
    public async Task A_first_write_of_a_state_another_activation_already_wrote_throws_InconsistentStateException()
    {
        var other = await ReadAsync();
        var mine = await ReadAsync();
        await Storage.WriteStateAsync(StateName, Contract, other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, Contract, mine));
    }

    [Fact]
    public async Task Cleared_state_reads_as_new_while_its_version_keeps_counting()
    {
        var state = await ReadAsync();
        state.State!.DeclaredCents = 19_750;
        await Storage.WriteStateAsync(StateName, Contract, state);
        var stale = await ReadAsync();

        await Storage.ClearStateAsync(StateName, Contract, state);
        var read = await ReadAsync();

        Assert.False(state.RecordExists);
        Assert.False(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal(0, read.State!.DeclaredCents);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, Contract, stale));
        read.State!.DeclaredCents = 500;
        await Storage.WriteStateAsync(StateName, Contract, read);
        Assert.Equal(("3", 500L), ((await ReadAsync()).ETag, (await ReadAsync()).State!.DeclaredCents));
    }
}
