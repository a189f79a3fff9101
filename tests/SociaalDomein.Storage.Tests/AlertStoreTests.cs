using SociaalDomein.Monitoring.Alerts;
using SociaalDomein.Monitoring.Rules.Lifecycle;
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
        RaisedAt: raisedAt,
        Figures: new AlertFigures(declaredCents, 1_000_000_00, "cent", $"{percent}%"));

    [Fact]
    public async Task A_change_recorded_again_under_the_same_id_and_revision_keeps_its_first_version()
    {
        var first = Threshold("0344:12345678:2026:*:80", 80, 800_100_00, Nine);
        await Store.RecordAsync([first]);

        var replayed = first with { DeclaredCents = 812_000_00, RaisedAt = Nine.AddHours(1) };
        var next = Threshold("0344:12345678:2026:*:90", 90, 900_000_00, Nine.AddHours(2));
        await Store.RecordAsync([replayed, next]);

        Assert.Equal([first, next], await Store.GetAllAsync());
        Assert.Equal(2, (await Store.ReadUnpublishedAsync(max: 10)).Count);
    }

    [Fact]
    public async Task An_alert_raised_updated_and_resolved_keeps_its_latest_state_and_every_change_as_an_event()
    {
        var raised = Threshold("t-75", 75, 760_000_00, Nine);
        var updated = raised with
        {
            Change = AlertChanges.Updated, Revision = 2, DeclaredCents = 780_000_00, RaisedAt = Nine.AddDays(1),
            Figures = new AlertFigures(780_000_00, 1_000_000_00, "cent", "75%"),
        };
        var resolved = updated with
        {
            Change = AlertChanges.Resolved, Revision = 3, DeclaredCents = 700_000_00, RaisedAt = Nine.AddDays(2), TriggeringMessageId = null,
            Figures = new AlertFigures(700_000_00, 1_000_000_00, "cent", "75%"),
        };

        await Store.RecordAsync([raised, updated]);
        await Store.RecordAsync([resolved]);
        await Store.RecordAsync([raised, updated, resolved]);

        var current = Assert.Single(await Store.GetAllAsync());
        Assert.Equal(resolved with { TriggeringMessageId = updated.TriggeringMessageId }, current);
        var events = await Store.ReadUnpublishedAsync(max: 10);
        Assert.Equal([raised, updated, resolved], events.Select(e => e.Alert).ToList());
        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_older_revision_arriving_after_a_newer_one_does_not_roll_the_alert_back()
    {
        var raised = Threshold("t-90", 90, 900_000_00, Nine);
        var resolved = raised with { Change = AlertChanges.Resolved, Revision = 2, RaisedAt = Nine.AddDays(1) };
        await Store.RecordAsync([raised, resolved]);
        await Store.RecordAsync([raised with { Revision = 1, Description = "late copy" }]);

        Assert.Equal(AlertChanges.Resolved, Assert.Single(await Store.GetAllAsync()).Change);
        Assert.Equal(2, (await Store.ReadUnpublishedAsync(max: 10)).Count);
    }

    [Fact]
    public async Task The_outbox_hands_out_unpublished_changes_in_the_order_recorded_until_they_are_marked_published()
    {
        var oldest = Threshold("a-80", 80, 800_000_00, Nine, category: "45");
        var middle = Threshold("a-90", 90, 900_000_00, Nine.AddMinutes(5));
        var newest = Threshold("a-100", 100, 1_000_000_00, Nine.AddMinutes(10)) with { CeilingCents = null, ThresholdPercent = null, TriggeringMessageId = null, Figures = null };
        await Store.RecordAsync([oldest, middle, newest]);

        var firstBatch = await Store.ReadUnpublishedAsync(max: 2);
        await Store.MarkPublishedAsync(firstBatch.Select(e => e.Sequence).ToList());
        var secondBatch = await Store.ReadUnpublishedAsync(max: 2);
        await Store.MarkPublishedAsync(secondBatch.Select(e => e.Sequence).ToList());

        Assert.Equal([oldest, middle], firstBatch.Select(e => e.Alert));
        Assert.Equal([newest], secondBatch.Select(e => e.Alert));
        Assert.Empty(await Store.ReadUnpublishedAsync(max: 10));
        Assert.Equal(3, (await Store.GetAllAsync()).Count);
    }
}
