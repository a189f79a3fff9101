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
    string? AcknowledgementNote,
    string Condition = "holds",
    int Revision = 1,
    AlertViewFigures? Figures = null,
    DateTimeOffset? ConditionResolvedAt = null,
    IReadOnlyList<string>? RegionParticipants = null)
{
    /// <summary>
    /// The municipalities the alert concerns: its own, or for a region-wide ceiling (MunicipalityCode then holds the
    /// region code) the municipalities that take part in it.
    /// </summary>
    public IEnumerable<string> Municipalities => RegionParticipants ?? [MunicipalityCode];

    /// <summary>Handled: the condition no longer holds, or a contract manager acknowledged the alert.</summary>
    public bool Resolved => AcknowledgedAt is not null || Condition == "resolved";
}

/// <summary>The figures behind an alert: the measured value against its limit, in <paramref name="Unit"/>.</summary>
public sealed record AlertViewFigures(long Actual, long Limit, string Unit, string? Basis);
