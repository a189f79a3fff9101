using System.Text;
using SociaalDomein.Delivery.Alerts;

namespace SociaalDomein.Delivery.Tests;

/// <summary>Alerts are read tolerantly: v1 and v2 alike, later fields optional, and a broken record named by field and rule.</summary>
public sealed class AlertDocumentTests
{
    [Fact]
    public void An_alert_as_the_publisher_writes_it_reads_with_its_schema_change_and_revision()
    {
        var alert = TestAlerts.Ceiling();

        Assert.Equal((AlertDocument.SchemaV2, "raised", 1), (alert.Schema, alert.Change, alert.Revision));
        Assert.Null(alert.Figures);
        Assert.Equal(("0268", "11111111", 2026, 90, 90_000_000L, 100_000_000L), (alert.Municipality, alert.Provider, alert.Year, alert.ThresholdPercent, alert.DeclaredCents, alert.CeilingCents));
    }

    [Fact]
    public void A_v2_alert_keeps_its_change_revision_and_figures()
    {
        var alert = AlertDocument.Parse("""
            {"schema":"sd.alert/2","id":"a1","kind":"Pacing","severity":"warning","municipality":"0268","provider":"11111111",
             "year":2026,"declaredCents":5,"description":"d","raisedAt":"2026-03-04T09:30:00Z","change":"resolved","revision":3,
             "figures":{"actual":120,"limit":100,"unit":"cent"}}
            """u8);

        Assert.Equal(("resolved", 3), (alert.Change, alert.Revision));
        Assert.Equal(new AlertFiguresDocument(120, 100, "cent", null), alert.Figures);
    }

    [Theory]
    [InlineData("""{"schema":"sd.alert/9","id":"a","kind":"k","severity":"info","municipality":"0268","provider":"11111111"}""", "field 'schema' is 'sd.alert/9'; this worker reads sd.alert/1 and sd.alert/2")]
    [InlineData("""{"schema":"sd.alert/2","id":"a","kind":"k","severity":"info","municipality":"0268","provider":"11111111","change":"closed"}""", "field 'change' is 'closed'; expected one of raised, updated, resolved")]
    [InlineData("""{"schema":"sd.alert/2","id":"a","kind":"k","severity":"info","municipality":"0268","provider":"11111111","revision":0}""", "field 'revision' is 0; revisions start at 1")]
    [InlineData("""{"schema":"sd.alert/2","id":" ","kind":"k","severity":"info","municipality":"0268","provider":"11111111"}""", "field 'id' is empty")]
    public void A_record_that_is_not_a_deliverable_alert_is_refused_naming_the_field_and_rule(string json, string expected)
    {
        var error = Assert.Throws<AlertDocumentException>(() => AlertDocument.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void A_record_without_a_required_field_is_refused_as_not_an_alert_document()
    {
        var error = Assert.Throws<AlertDocumentException>(() => AlertDocument.Parse("""{"schema":"sd.alert/1","id":"a"}"""u8));
        Assert.StartsWith("not an alert document at '$'", error.Message, StringComparison.Ordinal);
        Assert.Contains("kind", error.Message, StringComparison.Ordinal);
    }
}
