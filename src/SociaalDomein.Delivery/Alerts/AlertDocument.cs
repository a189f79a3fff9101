using System.Text.Json;
using System.Text.Json.Serialization;

namespace SociaalDomein.Delivery.Alerts;

/// <summary>
/// An alert as read from the alert topic, schema "sd.alert/1" or "sd.alert/2". Read tolerantly: fields of a later
/// version are optional, unknown fields are ignored, and a v1 alert counts as change "raised", revision 1.
/// </summary>
public sealed record AlertDocument
{
    public const string SchemaV1 = "sd.alert/1";
    public const string SchemaV2 = "sd.alert/2";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Schema { get; init; }
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Severity { get; init; }
    public required string Municipality { get; init; }
    public required string Provider { get; init; }
    public int Year { get; init; }
    public string? Category { get; init; }
    public int? ThresholdPercent { get; init; }
    public long DeclaredCents { get; init; }
    public long? CeilingCents { get; init; }
    public string? TriggeringMessageId { get; init; }
    public string Description { get; init; } = "";
    public DateTimeOffset RaisedAt { get; init; }

    /// <summary>"raised", "updated" or "resolved"; "raised" when the alert came without one (v1).</summary>
    public string Change { get; init; } = AlertChanges.Raised;

    /// <summary>Increases per alert id with every change; 1 when the alert came without one (v1).</summary>
    public int Revision { get; init; } = 1;

    public AlertFiguresDocument? Figures { get; init; }

    /// <summary>Reads one record value; an error names the field and the rule it breaks.</summary>
    /// <exception cref="AlertDocumentException">The value is not an alert this worker can deliver.</exception>
    public static AlertDocument Parse(ReadOnlySpan<byte> json)
    {
        AlertDocument? alert;
        try
        {
            alert = JsonSerializer.Deserialize<AlertDocument>(json, Json);
        }
        catch (JsonException e)
        {
            throw new AlertDocumentException($"not an alert document at '{e.Path ?? "$"}': {e.Message}");
        }
        if (alert is null) throw new AlertDocumentException("the record value is JSON null");
        if (alert.Schema is not (SchemaV1 or SchemaV2))
            throw new AlertDocumentException($"field 'schema' is '{alert.Schema}'; this worker reads {SchemaV1} and {SchemaV2}");
        if (string.IsNullOrWhiteSpace(alert.Id)) throw new AlertDocumentException("field 'id' is empty");
        if (!AlertChanges.All.Contains(alert.Change))
            throw new AlertDocumentException($"field 'change' is '{alert.Change}'; expected one of {string.Join(", ", AlertChanges.All)}");
        if (alert.Revision < 1) throw new AlertDocumentException($"field 'revision' is {alert.Revision}; revisions start at 1");
        return alert;
    }

    public byte[] ToJsonUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

/// <summary>The figures behind an alert (v2): the measured value and the limit it is held against.</summary>
public sealed record AlertFiguresDocument(long Actual, long Limit, string Unit, string? Basis);

/// <summary>The values of an alert's "change" field.</summary>
public static class AlertChanges
{
    public const string Raised = "raised";
    public const string Updated = "updated";
    public const string Resolved = "resolved";

    public static IReadOnlyList<string> All { get; } = [Raised, Updated, Resolved];
}

/// <summary>A record on the alert topic that is not an alert this worker can deliver.</summary>
public sealed class AlertDocumentException(string message) : Exception(message);
