using System.Text.Json;
using System.Text.Json.Serialization;
using SociaalDomein.Monitoring.Alerts;

namespace SociaalDomein.Ingestion.AlertPublishing;

/// <summary>The JSON document on the alert topic (schema "sd.alert/1"). Never carries a BSN or client data.</summary>
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
    DateTimeOffset RaisedAt)
{
    public const string SchemaVersion = "sd.alert/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static AlertMessage From(Alert alert) => new(SchemaVersion, alert.Id, alert.Kind, alert.Severity, alert.MunicipalityCode,
        alert.ProviderAgb, alert.Year, alert.ProductCategorie, alert.ThresholdPercent, alert.DeclaredCents, alert.CeilingCents,
        alert.TriggeringMessageId, alert.Description, alert.RaisedAt);

    public byte[] ToJsonUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static AlertMessage? FromJson(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<AlertMessage>(json, Json);
}
