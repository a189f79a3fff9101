using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace SociaalDomein.Host.Telemetry;

/// <summary>
/// Feeds <see cref="HostTelemetry.PostgresWriteDuration"/> from Npgsql's command spans: every statement that writes,
/// wherever in the process it runs (grain storage, the ledger, the message log), without touching that code.
/// </summary>
/// <remarks>
/// It sees the spans the tracer records, so with a sampler that drops traces the histogram counts fewer writes, but its
/// latencies stay representative. The statement text is only matched, never recorded: it carries no values anyway
/// (Npgsql sends parameters separately).
/// </remarks>
public sealed partial class PostgresWriteLatencyProcessor : BaseProcessor<Activity>
{
    public const string NpgsqlSourceName = "Npgsql";

    public override void OnEnd(Activity activity)
    {
        if (activity.Source.Name != NpgsqlSourceName) return;
        if (WriteOperation(activity.GetTagItem("db.query.text") as string) is not { } operation) return;
        HostTelemetry.PostgresWriteDuration.Record(activity.Duration.TotalSeconds,
            new KeyValuePair<string, object?>("db.operation.name", operation),
            new KeyValuePair<string, object?>("sd.outcome", activity.Status == ActivityStatusCode.Error ? "error" : "ok"));
    }

    /// <summary>"INSERT", "UPDATE", "DELETE", "MERGE" or "COPY" for a statement that writes (also inside a WITH); else null.</summary>
    public static string? WriteOperation(string? statement)
    {
        if (string.IsNullOrEmpty(statement)) return null;
        var match = WriteKeyword().Match(statement);
        return match.Success ? match.Groups[1].Value.ToUpperInvariant() : null;
    }

    // "FOR UPDATE" locks rows in a SELECT; it is not a write.
    [GeneratedRegex(@"(?<!\bFOR\s+)\b(INSERT|UPDATE|DELETE|MERGE|COPY)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WriteKeyword();
}
