namespace SociaalDomein.Storage.Queries;

/// <summary>An alert with what a contract manager did about it.</summary>
/// <param name="AcknowledgedBy">Id of the API key that acknowledged it; null while the alert is open.</param>
public sealed record AlertView(
    string Id,
    string Kind,
    string Severity,
    string MunicipalityCode,
    string ProviderAgb,
    int Year,
    string? ProductCategorie,
    int? ThresholdPercent,
    long DeclaredCents,
    long? CeilingCents,
    string? TriggeringMessageId,
    string Description,
    DateTimeOffset RaisedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgementNote)
{
    public bool Resolved => AcknowledgedAt is not null;
}
