using System.Text.Json;
using System.Text.Json.Serialization;
using SociaalDomein.Monitoring.Alerts;

namespace SociaalDomein.Ingestion.AlertPublishing;

/// <summary>
/// The JSON document on the alert topic (schema "sd.alert/2"): one change of an alert. Consumers keep the highest
/// revision per id; (id, revision) identifies a change, so a repeated record can be dropped. Never carries a BSN or
/// client data. Version 2 added change, revision and figures to version 1.
/// </summary>
public sealed record AlertMessage(
    string Schema,
    string Id,
    string Kind,
    string Severity,
    string Municipality,
    string Provider,
    int Year,
    string? Category,
    int? ThresholdPercent,
    long DeclaredCents,
    long? CeilingCents,
    string? TriggeringMessageId,
    string Description,
    DateTimeOffset RaisedAt,
    string Change,
    int Revision,
    AlertMessageFigures? Figures)
{
    public const string SchemaVersion = "sd.alert/2";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static AlertMessage From(Alert alert) => new(SchemaVersion, alert.Id, alert.Kind, alert.Severity, alert.MunicipalityCode,
        alert.ProviderAgb, alert.Year, alert.ProductCategorie, alert.ThresholdPercent, alert.DeclaredCents, alert.CeilingCents,
        alert.TriggeringMessageId, alert.Description, alert.RaisedAt, alert.Change, alert.Revision,
        alert.Figures is { } f ? new AlertMessageFigures(f.Actual, f.Limit, f.Unit, f.Basis) : null);

    public byte[] ToJsonUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static AlertMessage? FromJson(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<AlertMessage>(json, Json);
}

/// <summary>The figures behind an alert: the measured value and the limit it is held against, in <paramref name="Unit"/>.</summary>
public sealed record AlertMessageFigures(long Actual, long Limit, string Unit, string? Basis);
