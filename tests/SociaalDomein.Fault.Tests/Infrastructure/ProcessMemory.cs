using System.Globalization;

namespace SociaalDomein.Fault.Tests.Infrastructure;

/// <summary>Reads a process's memory from /proc, as the kernel accounts it.</summary>
internal static class ProcessMemory
{
    /// <summary>RssAnon of /proc/&lt;pid&gt;/status: anonymous resident pages (heap, librdkafka buffers), in bytes.</summary>
    public static long PrivateResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (!line.StartsWith("RssAnon:", StringComparison.Ordinal)) continue;
            var kilobytes = line["RssAnon:".Length..].Trim().Split(' ')[0];
            return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no RssAnon line.");
    }
}
