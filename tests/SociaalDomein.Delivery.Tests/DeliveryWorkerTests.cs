using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SociaalDomein.Delivery.Worker;

namespace SociaalDomein.Delivery.Tests;

/// <summary>The delivery worker in a host, reading the alert topic of the embedded Kafka cluster in its own consumer group.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class DeliveryWorkerTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task The_worker_delivers_v1_and_v2_alerts_from_the_topic_commits_after_delivery_and_a_reread_topic_sends_nothing_twice()
    {
        await using var rig = await DeliveryRig.StartAsync(fixture);
        await rig.AddWebhookAsync("rob-nijmegen", municipalities: ["0268"]);
        await rig.AddEmailAsync("rob-mail", "inkoop@rob.example.nl");
        var topic = "sd.alerts.worker-" + Guid.NewGuid().ToString("N")[..8];

        var raised = TestAlerts.Ceiling("0268", "11111111", "warning", percent: 90);
        // A v2 record as the lifecycle writes it: change, revision and figures, plus a field this worker does not know.
        var updated = $$"""
            {"schema":"sd.alert/2","id":"{{raised.Id}}","kind":"CeilingThreshold","severity":"critical","municipality":"0268",
             "provider":"11111111","year":2026,"thresholdPercent":90,"declaredCents":101000000,"ceilingCents":100000000,
             "description":"Provider 11111111 is over the ceiling.","raisedAt":"2026-03-04T09:30:00+00:00",
             "change":"updated","revision":2,"figures":{"actual":101000000,"limit":100000000,"unit":"cent","basis":"declared"},
             "acknowledged":false}
            """;
        var arnhem = TestAlerts.Ceiling("0202", "22222222", "info", percent: 75);
        await ProduceAsync(topic, (raised.Id, raised.ToJsonUtf8()), (raised.Id, Encoding.UTF8.GetBytes(updated)),
            (arnhem.Id, arnhem.ToJsonUtf8()), ("garbage", "this is not an alert"u8.ToArray()));

        await RunWorkerAsync(rig, topic, group: "delivery-a", records: 4);

        Assert.Equal(["r1", "r2"], rig.Receiver.Calls.Select(c => c.Delivery.Split('/')[^2]));
        Assert.All(rig.Receiver.Calls, c => Assert.True(c.Verified));
        var figures = JsonDocument.Parse(rig.Receiver.Calls[1].Body).RootElement.GetProperty("alert").GetProperty("figures");
        Assert.Equal((101_000_000L, 100_000_000L, "cent", "declared"),
            (figures.GetProperty("actual").GetInt64(), figures.GetProperty("limit").GetInt64(), figures.GetProperty("unit").GetString(), figures.GetProperty("basis").GetString()));
        Assert.Equal(
            ["[critical] Alert updated: CeilingThreshold, municipality 0268, provider 11111111, 2026",
             "[info] Alert raised: CeilingThreshold, municipality 0202, provider 22222222, 2026",
             "[warning] Alert raised: CeilingThreshold, municipality 0268, provider 11111111, 2026"],
            rig.Smtp.Mails.Select(m => m.Header("Subject")).Order(StringComparer.Ordinal));
        Assert.Equal(4, await CommittedRecordsAsync(topic, "delivery-a"));

        // The same revision again, then the whole topic read anew by another group: the delivery log keeps anyone from a second copy.
        await ProduceAsync(topic, (raised.Id, Encoding.UTF8.GetBytes(updated)));
        await RunWorkerAsync(rig, topic, group: "delivery-b", records: 5);

        Assert.Equal(2, rig.Receiver.Calls.Count);
        Assert.Equal(3, rig.Smtp.Mails.Count);
        Assert.Equal(5, await CommittedRecordsAsync(topic, "delivery-b"));
        await using var count = rig.DataSource.CreateCommand("SELECT count(*) FILTER (WHERE status = 'delivered'), count(*) FROM alert_deliveries");
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((5L, 5L), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    [Fact]
    [Trait("Category", "Fault")]
    public async Task A_worker_started_before_the_alert_topic_exists_delivers_the_first_alert_published_to_it()
    {
        await using var rig = await DeliveryRig.StartAsync(fixture);
        await rig.AddWebhookAsync("rob-nijmegen");
        var topic = "sd.alerts.late-" + Guid.NewGuid().ToString("N")[..8];
        var alert = TestAlerts.Ceiling();

        await RunWorkerAsync(rig, topic, group: "delivery-late", records: 1, afterStart: async () =>
        {
            // Give the consumer time to subscribe to the missing topic first; the assertion below does not depend on it.
            await Task.Delay(500);
            await ProduceAsync(topic, (alert.Id, alert.ToJsonUtf8()));
        });

        Assert.Equal($"rob-nijmegen/{alert.Id}/r1/webhook", Assert.Single(rig.Receiver.Calls).Delivery);
        Assert.Equal(1, await CommittedRecordsAsync(topic, "delivery-late"));
    }

    /// <summary>Runs the worker in a host until it has handled <paramref name="records"/> records, then stops it gracefully.</summary>
    private async Task RunWorkerAsync(DeliveryRig rig, string topic, string group, int records, Func<Task>? afterStart = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = fixture.Kafka.BootstrapServers,
            ["Kafka:AlertTopic"] = topic,
            ["Kafka:TopicMetadataRefreshIntervalMs"] = "100",
            ["Delivery:ConsumerGroup"] = group,
            ["Delivery:MaxAttempts"] = "3",
            ["Delivery:FirstRetryDelayMs"] = "5",
            ["Delivery:MaxRetryDelayMs"] = "20",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = rig.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:StartTls"] = "false",
            ["Smtp:From"] = DeliveryRig.From,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(NpgsqlDataSource.Create(rig.ConnectionString));
        builder.Services.AddSociaalDomeinAlertDelivery(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        if (afterStart is not null) await afterStart();
        var worker = host.Services.GetServices<IHostedService>().OfType<AlertDeliveryWorker>().Single();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (worker.RecordsHandled < records && DateTime.UtcNow < deadline) await Task.Delay(50);
        await host.StopAsync();
        Assert.Equal(records, worker.RecordsHandled);
    }

    private async Task ProduceAsync(string topic, params (string Key, byte[] Value)[] records)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = fixture.Kafka.BootstrapServers }).Build();
        foreach (var (key, value) in records)
            await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = key, Value = value });
    }

    /// <summary>How many records the group's committed offsets cover, over all partitions of the topic.</summary>
    private async Task<long> CommittedRecordsAsync(string topic, string group)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = fixture.Kafka.BootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId)).ToList();
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = fixture.Kafka.BootstrapServers, GroupId = group }).Build();
        var committed = consumer.Committed(partitions, TimeSpan.FromSeconds(10));
        await Task.CompletedTask;
        return committed.Where(c => c.Offset.Value >= 0).Sum(c => c.Offset.Value);
    }
}
