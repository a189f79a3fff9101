using System.Diagnostics;

namespace SociaalDomein.Storage;

/// <summary>
/// Trace source of the storage adapters, for what Npgsql's own spans cannot say: which records a group-committed write
/// carried. Tags carry counts only, never a value of a row.
/// </summary>
public static class StorageTelemetry
{
    public const string Name = "SociaalDomein.Storage";

    public static class Spans
    {
        /// <summary>One record's entry in the message log, from the call until its row is durable (in the record's trace).</summary>
        public const string MessageLogRecord = "sd.message_log.record";

        /// <summary>One INSERT of several records' rows: the child of the record whose call wrote it (if any), linked to every record it carried.</summary>
        public const string MessageLogWrite = "sd.message_log.write";
    }

    public static class Tags
    {
        public const string Rows = "sd.message_log.rows";
    }

    public static readonly ActivitySource Source = new(Name);
}
