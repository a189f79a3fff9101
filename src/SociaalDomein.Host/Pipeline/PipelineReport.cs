using System.Text.Json;
using System.Text.Json.Serialization;

namespace SociaalDomein.Host.Pipeline;

/// <summary>The outcome of a replay: message counts, contract totals against ceilings, daily costs and alerts.</summary>
public sealed record PipelineReport(
    ReportMessages Messages,
    IReadOnlyList<ReportContractTotal> Totals,
    IReadOnlyList<ReportDailyCost> Daily,
    IReadOnlyList<ReportAlert> Alerts,
    IReadOnlyList<ReportSignalCount> Signals,
    IReadOnlyList<ReportAlertKind>? AlertKinds = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PipelineReport FromJson(string json) =>
        JsonSerializer.Deserialize<PipelineReport>(json, Json) ?? throw new JsonException("empty report");
}

public sealed record ReportMessages(long Accepted, long DeadLettered);

/// <param name="DeclaredCents">Σ debit − Σ credit of accepted lines with a ProductPeriode in <paramref name="Year"/>, as the contract grain holds it.</param>
/// <param name="LedgerCents">The same sum computed from the ledger in PostgreSQL.</param>
/// <param name="Reconciled">True when the grain's total equals the ledger's to the cent.</param>
/// <param name="CeilingCents">The ceiling for all categories; null when none is agreed.</param>
/// <param name="CeilingUsePercent">Declared as a percentage of the ceiling, rounded down to 0.01.</param>
public sealed record ReportContractTotal(
    string Municipality,
    string Provider,
    int Year,
    long DeclaredCents,
    long? CeilingCents,
    decimal? CeilingUsePercent,
    long LedgerCents,
    bool Reconciled,
    IReadOnlyList<ReportCategoryCeiling>? CategoryCeilings);

public sealed record ReportCategoryCeiling(string Category, long DeclaredCents, long CeilingCents);

/// <param name="Date">The declaration message's Dagtekening.</param>
public sealed record ReportDailyCost(DateOnly Date, string Municipality, string Provider, string Category, long AmountCents, int Lines);

public sealed record ReportAlert(
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
    string? Status = null,
    int? Revision = null,
    ReportAlertFigures? Figures = null,
    string? Description = null);

/// <summary>The figures behind an alert: the measured value against its limit, in <paramref name="Unit"/> ("cent", an Eenheid code, "date").</summary>
public sealed record ReportAlertFigures(long Actual, long Limit, string Unit, string? Basis);

/// <summary>How many alerts of one kind are open and resolved; every kind is listed, also with zero.</summary>
public sealed record ReportAlertKind(string Kind, int Open, int Resolved);

/// <summary>Open line signals of one rule for one contract (declared totals are never reduced by them).</summary>
/// <param name="Rule">An iStandaarden retourcode (e.g. 9338 no allocation) or one of ours (SD-...).</param>
public sealed record ReportSignalCount(string Municipality, string Provider, string Rule, long Lines);
