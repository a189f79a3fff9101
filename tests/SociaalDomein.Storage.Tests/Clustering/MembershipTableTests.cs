using System.Net;
using SociaalDomein.Storage.Clustering;

namespace SociaalDomein.Storage.Tests.Clustering;

/// <summary>The Orleans membership table contract, against PostgreSQL.</summary>
public sealed class MembershipTableTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    /// <summary>A whole number of microseconds, so times survive timestamptz unchanged.</summary>
    private static readonly DateTime Nine = new(2026, 5, 4, 7, 0, 0, DateTimeKind.Utc);

    // Every test works in a cluster of its own: the rows of one cluster are invisible to another, so nothing needs emptying.
    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";

    [Fact]
    public async Task Initialising_creates_the_clusters_version_once_and_never_resets_a_version_that_moved_on()
    {
        var table = await InitialisedTableAsync();
        var fresh = await table.ReadAllAsync();
        await InsertAsync(table, Entry(Silo(11111)));

        await new PostgresMembershipTable(DataSource, _clusterId).InitializeMembershipTableAsync(tryInitTableVersion: true);

        var after = await table.ReadAllAsync();
        Assert.Equal(0, fresh.Version.Version);
        Assert.Empty(fresh.Members);
        Assert.Equal(1, after.Version.Version);
        Assert.Single(after.Members);
    }

    [Fact]
    public async Task An_inserted_silo_is_read_back_field_for_field_under_a_new_version_and_etag()
    {
        var table = await InitialisedTableAsync();
        var before = await table.ReadAllAsync();
        var entry = Entry(Silo(11111, generation: 7), SiloStatus.Joining);
        entry.RoleName = "silo";
        entry.UpdateZone = 2;
        entry.FaultZone = 3;
        entry.SuspectTimes = [Tuple.Create(Silo(11112), Nine.AddMinutes(1)), Tuple.Create(Silo(11113), Nine.AddMinutes(2))];

        Assert.True(await table.InsertRowAsync(entry, before.Version.Next()));

        var after = await table.ReadAllAsync();
        var (stored, etag) = Assert.Single(after.Members);
        Assert.Equal(View(entry), View(stored));
        Assert.Equal(1, after.Version.Version);
        Assert.NotEqual(before.Version.VersionEtag, after.Version.VersionEtag);
        Assert.True(Guid.TryParse(etag, out _));
    }

    [Fact]
    public async Task An_insert_with_a_stale_table_version_is_refused_and_changes_nothing()
    {
        var table = await InitialisedTableAsync();
        var stale = (await table.ReadAllAsync()).Version;
        Assert.True(await table.InsertRowAsync(Entry(Silo(11111)), stale.Next()));
        var current = await table.ReadAllAsync();

        Assert.False(await table.InsertRowAsync(Entry(Silo(11112)), stale.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(current.Version, after.Version);
        Assert.Equal([Silo(11111)], after.Members.Select(member => member.Item1.SiloAddress));
    }

    [Fact]
    public async Task Inserting_a_silo_that_already_has_a_row_is_refused_without_moving_the_version()
    {
        var table = await InitialisedTableAsync();
        await InsertAsync(table, Entry(Silo(11111), SiloStatus.Joining));
        var current = await table.ReadAllAsync();

        Assert.False(await table.InsertRowAsync(Entry(Silo(11111), SiloStatus.Active), current.Version.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(current.Version, after.Version);
        Assert.Equal(SiloStatus.Joining, Assert.Single(after.Members).Item1.Status);
    }

    [Fact]
    public async Task Of_eight_silos_inserting_at_the_same_table_version_at_once_exactly_one_succeeds()
    {
        var table = await InitialisedTableAsync();
        var version = (await table.ReadAllAsync()).Version;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            new PostgresMembershipTable(DataSource, _clusterId).InsertRowAsync(Entry(Silo(12000 + i)), version.Next())));

        var after = await table.ReadAllAsync();
        Assert.Single(results, inserted => inserted);
        Assert.Single(after.Members);
        Assert.Equal(1, after.Version.Version);
    }

    [Fact]
    public async Task An_update_naming_the_rows_etag_replaces_the_entry_and_moves_both_etags_and_the_version()
    {
        var table = await InitialisedTableAsync();
        await InsertAsync(table, Entry(Silo(11111), SiloStatus.Joining));
        var before = await table.ReadAllAsync();
        var (entry, etag) = before.Members[0];
        entry.Status = SiloStatus.Active;
        entry.SuspectTimes = [Tuple.Create(Silo(11112), Nine.AddMinutes(5))];
        entry.IAmAliveTime = Nine.AddMinutes(3);

        Assert.True(await table.UpdateRowAsync(entry, etag, before.Version.Next()));

        var after = await table.ReadAllAsync();
        var (stored, newEtag) = Assert.Single(after.Members);
        Assert.Equal(View(entry), View(stored));
        Assert.NotEqual(etag, newEtag);
        Assert.Equal(2, after.Version.Version);
        Assert.NotEqual(before.Version.VersionEtag, after.Version.VersionEtag);
    }

    [Fact]
    public async Task An_update_naming_a_row_etag_that_was_replaced_is_refused_and_changes_nothing()
    {
        var table = await InitialisedTableAsync();
        await InsertAsync(table, Entry(Silo(11111), SiloStatus.Joining));
        var first = await table.ReadAllAsync();
        var (entry, staleEtag) = first.Members[0];
        entry.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(entry, staleEtag, first.Version.Next()));
        var current = await table.ReadAllAsync();

        // Current table version, stale row etag: another silo changed this row since it was read.
        entry.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(entry, staleEtag, current.Version.Next()));
        Assert.False(await table.UpdateRowAsync(entry, "not-an-etag", current.Version.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(current.Version, after.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(after.Members).Item1.Status);
        Assert.Equal(current.Members[0].Item2, after.Members[0].Item2);
    }

    [Fact]
    public async Task An_update_with_a_stale_table_version_is_refused_even_when_the_row_etag_is_current()
    {
        var table = await InitialisedTableAsync();
        await InsertAsync(table, Entry(Silo(11111), SiloStatus.Joining));
        var stale = await table.ReadAllAsync();
        await InsertAsync(table, Entry(Silo(11112), SiloStatus.Joining));
        var current = await table.ReadAllAsync();
        var (entry, etag) = stale.Members[0];
        entry.Status = SiloStatus.Active;

        Assert.False(await table.UpdateRowAsync(entry, etag, stale.Version.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(current.Version, after.Version);
        Assert.All(after.Members, member => Assert.Equal(SiloStatus.Joining, member.Item1.Status));
    }

    [Fact]
    public async Task Updating_a_silo_without_a_row_is_refused_without_moving_the_version()
    {
        var table = await InitialisedTableAsync();
        await InsertAsync(table, Entry(Silo(11111)));
        var current = await table.ReadAllAsync();

        Assert.False(await table.UpdateRowAsync(Entry(Silo(11112)), current.Members[0].Item2, current.Version.Next()));

        Assert.Equal(current.Version, (await table.ReadAllAsync()).Version);
    }

    [Fact]
    public async Task ReadRow_returns_the_one_silo_with_the_table_version_and_no_silo_for_an_unknown_address()
    {
        var table = await InitialisedTableAsync();
        await InsertAsync(table, Entry(Silo(11111, generation: 1)));
        await InsertAsync(table, Entry(Silo(11112, generation: 1)));
        var all = await table.ReadAllAsync();

        var one = await table.ReadRowAsync(Silo(11112, generation: 1));
        var otherGeneration = await table.ReadRowAsync(Silo(11112, generation: 2));

        Assert.Equal(all.Version, one.Version);
        Assert.Equal(Silo(11112, generation: 1), Assert.Single(one.Members).Item1.SiloAddress);
        Assert.Equal(all.Members.Single(member => member.Item1.SiloAddress.Equals(Silo(11112))).Item2, one.Members[0].Item2);
        Assert.Equal(all.Version, otherGeneration.Version);
        Assert.Empty(otherGeneration.Members);
    }

    [Fact]
    public async Task A_heartbeat_moves_only_the_IAmAlive_time_and_leaves_the_etags_read_before_it_usable()
    {
        var table = await InitialisedTableAsync();
        await InsertAsync(table, Entry(Silo(11111), SiloStatus.Joining));
        var before = await table.ReadAllAsync();
        var (entry, etag) = before.Members[0];

        await table.UpdateIAmAliveAsync(Heartbeat(entry, Nine.AddMinutes(10)));
        await table.UpdateIAmAliveAsync(Heartbeat(entry, Nine.AddMinutes(4))); // late, out of order: ignored

        var afterHeartbeat = await table.ReadAllAsync();
        Assert.Equal(Nine.AddMinutes(10), afterHeartbeat.Members[0].Item1.IAmAliveTime);
        Assert.Equal(etag, afterHeartbeat.Members[0].Item2);
        Assert.Equal(before.Version, afterHeartbeat.Version);

        // An update carrying the row as read before the heartbeat succeeds and does not turn the heartbeat back.
        entry.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(entry, etag, before.Version.Next()));
        var stored = Assert.Single((await table.ReadAllAsync()).Members).Item1;
        Assert.Equal(SiloStatus.Active, stored.Status);
        Assert.Equal(Nine.AddMinutes(10), stored.IAmAliveTime);
    }

    [Fact]
    public async Task Cleanup_removes_the_dead_silos_last_updated_before_the_date_and_keeps_every_other_row()
    {
        var table = await InitialisedTableAsync();
        var deadLongAgo = Entry(Silo(11111), SiloStatus.Dead);
        var deadWithRecentHeartbeat = Entry(Silo(11112), SiloStatus.Dead, iAmAlive: Nine.AddHours(2));
        var deadRecentlyVotedDead = Entry(Silo(11113), SiloStatus.Dead);
        deadRecentlyVotedDead.SuspectTimes = [Tuple.Create(Silo(11114), Nine.AddHours(2))];
        var activeLongAgo = Entry(Silo(11114), SiloStatus.Active);
        foreach (var entry in new[] { deadLongAgo, deadWithRecentHeartbeat, deadRecentlyVotedDead, activeLongAgo })
            await InsertAsync(table, entry);
        var otherCluster = await InitialisedTableAsync($"{_clusterId}-other");
        await InsertAsync(otherCluster, Entry(Silo(11111), SiloStatus.Dead));
        var version = (await table.ReadAllAsync()).Version;

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Nine.AddHours(1)));

        var after = await table.ReadAllAsync();
        Assert.Equal(
            new[] { Silo(11112), Silo(11113), Silo(11114) },
            after.Members.Select(member => member.Item1.SiloAddress).OrderBy(silo => silo.Endpoint.Port));
        Assert.Equal(version, after.Version);
        Assert.Single((await otherCluster.ReadAllAsync()).Members);
    }

    [Fact]
    public async Task Deleting_a_clusters_entries_removes_its_silos_and_version_and_leaves_other_clusters_alone()
    {
        var table = await InitialisedTableAsync();
        var otherCluster = await InitialisedTableAsync($"{_clusterId}-other");
        await InsertAsync(table, Entry(Silo(11111)));
        await InsertAsync(otherCluster, Entry(Silo(11111)));
        await InsertAsync(otherCluster, Entry(Silo(11112)));

        await table.DeleteMembershipTableEntriesAsync(_clusterId);

        var after = await table.ReadAllAsync();
        Assert.Empty(after.Members);
        Assert.Equal(0, after.Version.Version);
        Assert.Equal(2, (await otherCluster.ReadAllAsync()).Members.Count);
        Assert.Equal(2, (await otherCluster.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task The_gateway_list_holds_the_proxy_endpoints_of_the_clusters_active_silos_only()
    {
        var table = await InitialisedTableAsync();
        await InsertAsync(table, Entry(Silo(11111, generation: 5), SiloStatus.Active, proxyPort: 30001));
        await InsertAsync(table, Entry(Silo(11112), SiloStatus.Joining, proxyPort: 30002));
        await InsertAsync(table, Entry(Silo(11113), SiloStatus.Dead, proxyPort: 30003));
        await InsertAsync(table, Entry(Silo(11114), SiloStatus.Active, proxyPort: 0));
        await InsertAsync(table, Entry(Silo(11115, generation: 6), SiloStatus.Active, proxyPort: 30005));
        var otherCluster = await InitialisedTableAsync($"{_clusterId}-other");
        await InsertAsync(otherCluster, Entry(Silo(11116), SiloStatus.Active, proxyPort: 30006));
        var gateways = new PostgresGatewayListProvider(DataSource, _clusterId, TimeSpan.FromSeconds(30));

        await gateways.InitializeGatewayListProviderAsync();

        Assert.Equal(
            [new Uri("gwy.tcp://127.0.0.1:30001/5"), new Uri("gwy.tcp://127.0.0.1:30005/6")],
            await gateways.GetGatewaysAsync());
        Assert.True(gateways.IsUpdatable);
        Assert.Equal(TimeSpan.FromSeconds(30), gateways.MaxStaleness);
    }

    [Fact]
    public async Task A_database_without_the_membership_schema_is_refused_with_the_migration_to_apply()
    {
        await using var unmigrated = await Postgres.CreateDatabaseAsync(migrated: false);

        var silo = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new PostgresMembershipTable(unmigrated, _clusterId).InitializeMembershipTableAsync(tryInitTableVersion: true));
        var client = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new PostgresGatewayListProvider(unmigrated, _clusterId, TimeSpan.FromMinutes(1)).GetGatewaysAsync());

        Assert.Contains("0002_orleans_membership", silo.Message);
        Assert.Contains("0002_orleans_membership", client.Message);
    }

    private async Task<PostgresMembershipTable> InitialisedTableAsync(string? clusterId = null)
    {
        var table = new PostgresMembershipTable(DataSource, clusterId ?? _clusterId);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    /// <summary>Inserts the way a silo does: at the next version after the one just read.</summary>
    private static async Task InsertAsync(PostgresMembershipTable table, MembershipEntry entry) =>
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));

    private static SiloAddress Silo(int port, int generation = 1) =>
        SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), generation);

    private static MembershipEntry Entry(SiloAddress silo, SiloStatus status = SiloStatus.Active, int? proxyPort = null, DateTime? iAmAlive = null) => new()
    {
        SiloAddress = silo,
        Status = status,
        ProxyPort = proxyPort ?? silo.Endpoint.Port + 10_000,
        SiloName = $"silo-{silo.Endpoint.Port}",
        HostName = "sd-host-1",
        StartTime = Nine,
        IAmAliveTime = iAmAlive ?? Nine,
        SuspectTimes = [],
    };

    private static MembershipEntry Heartbeat(MembershipEntry entry, DateTime at) => new()
    {
        SiloAddress = entry.SiloAddress,
        Status = entry.Status,
        StartTime = entry.StartTime,
        IAmAliveTime = at,
    };

    /// <summary>Every field of an entry, comparable (MembershipEntry has reference equality).</summary>
    private static string View(MembershipEntry entry) => string.Join(" | ",
        entry.SiloAddress.ToParsableString(), entry.Status, entry.ProxyPort, entry.SiloName, entry.HostName, entry.RoleName,
        entry.UpdateZone, entry.FaultZone, entry.StartTime.ToString("O"), entry.IAmAliveTime.ToString("O"),
        string.Join(",", (entry.SuspectTimes ?? []).Select(vote => $"{vote.Item1.ToParsableString()}@{vote.Item2:O}")));
}
