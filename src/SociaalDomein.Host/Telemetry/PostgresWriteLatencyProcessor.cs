using System.Diagnostics;
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
public sealed class PostgresWriteLatencyProcessor : BaseProcessor<Activity>
{
    public const string NpgsqlSourceName = "Npgsql";

    public override void OnEnd(Activity activity)
    {
        if (activity.Source.Name != NpgsqlSourceName) return;
        // Telemetry never fails the work it observes.
        if (WriteOperation(activity.GetTagItem("db.query.text") as string) is not { } operation) return;
        HostTelemetry.PostgresWriteDuration.Record(activity.Duration.TotalSeconds,
            new KeyValuePair<string, object?>("db.operation.name", operation),
            new KeyValuePair<string, object?>("sd.outcome", activity.Status == ActivityStatusCode.Error ? "error" : "ok"));
    }

    /// <summary>"INSERT", "UPDATE", "DELETE", "MERGE" or "COPY" for a statement that writes (also inside a WITH); else null.</summary>
    /// <remarks>
    /// A single pass over the words of the statement: it runs inside Npgsql's own call, so it must never be slow or
    /// throw (a regular expression with a match timeout did throw under load and failed the database call it measured).
    /// </remarks>
    public static string? WriteOperation(string? statement)
    {
        if (string.IsNullOrEmpty(statement)) return null;
        var text = statement.AsSpan();
        var previousWasFor = false;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
            var word = text[start..i];
            // "FOR UPDATE" locks rows in a SELECT; it is not a write.
            if (!previousWasFor && Keyword(word) is { } keyword) return keyword;
            previousWasFor = word.Equals("FOR", StringComparison.OrdinalIgnoreCase);
        }
        return null;
    }

    private static string? Keyword(ReadOnlySpan<char> word)
    {
        foreach (var keyword in WriteKeywords)
        {
            if (word.Equals(keyword, StringComparison.OrdinalIgnoreCase)) return keyword;
        }
        return null;
    }

    private static readonly string[] WriteKeywords = ["INSERT", "UPDATE", "DELETE", "MERGE", "COPY"];
}
