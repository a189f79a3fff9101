using SociaalDomein.Monitoring.Alerts;
using SociaalDomein.Storage.Alerts;

namespace SociaalDomein.Storage.Tests;

public sealed class AlertStoreTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly DateTimeOffset Nine = new(2026, 5, 4, 7, 0, 0, TimeSpan.Zero);

    private PostgresAlertStore Store => new(DataSource);

    private static Alert Threshold(string id, int percent, long declaredCents, DateTimeOffset raisedAt, string? category = null) => new(
        Id: id,
        Kind: "CeilingThreshold",
        Severity: percent >= 100 ? "critical" : "warning",
        MunicipalityCode: "0344",
        ProviderAgb: "12345678",
        Year: 2026,
        ProductCategorie: category,
        ThresholdPercent: percent,
        DeclaredCents: declaredCents,
        CeilingCents: 1_000_000_00,
        TriggeringMessageId: "ijw:323:12345678:D-2026-05",
        Description: $"Declared {declaredCents / 100} euro: {percent}% of the 2026 ceiling is reached.",
        RaisedAt: raisedAt);

    [Fact]
    public async Task An_alert_recorded_again_under_the_same_id_keeps_its_first_version()
    {
        var first = Threshold("0344:12345678:2026:*:80", 80, 800_100_00, Nine);
        await Store.RecordAsync([first]);

        var replayed = first with { DeclaredCents = 812_000_00, RaisedAt = Nine.AddHours(1) };
        var next = Threshold("0344:12345678:2026:*:90", 90, 900_000_00, Nine.AddHours(2));
        await Store.RecordAsync([replayed, next]);

        Assert.Equal([first, next], await Store.GetAllAsync());
    }

    [Fact]
    public async Task The_outbox_hands_out_unpublished_alerts_oldest_first_until_they_are_marked_published()
    {
        var oldest = Threshold("a-80", 80, 800_000_00, Nine, category: "45");
        var middle = Threshold("a-90", 90, 900_000_00, Nine.AddMinutes(5));
        var newest = Threshold("a-100", 100, 1_000_000_00, Nine.AddMinutes(10)) with { CeilingCents = null, ThresholdPercent = null, TriggeringMessageId = null };
        await Store.RecordAsync([newest, oldest, middle]);

        var firstBatch = await Store.ReadUnpublishedAsync(max: 2);
        await Store.MarkPublishedAsync(firstBatch.Select(alert => alert.Id).ToList());
        var secondBatch = await Store.ReadUnpublishedAsync(max: 2);
        await Store.MarkPublishedAsync([newest.Id]);

        Assert.Equal([oldest, middle], firstBatch);
        Assert.Equal([newest], secondBatch);
        Assert.Empty(await Store.ReadUnpublishedAsync(max: 10));
        Assert.Equal(3, (await Store.GetAllAsync()).Count);
    }
}
