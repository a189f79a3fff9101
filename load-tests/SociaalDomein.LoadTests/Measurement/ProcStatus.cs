using System.Globalization;

namespace SociaalDomein.LoadTests.Measurement;

/// <summary>Reads a process's memory and CPU time from /proc (Linux), for this process or any other.</summary>
public static class ProcStatus
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>VmRSS and VmHWM (peak resident set) in bytes; 0 when the process is gone.</summary>
    public static (long Rss, long PeakRss) Memory(int pid)
    {
        try
        {
            long rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line) * 1024;
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kilobytes(line) * 1024;
            }
            return (rss, hwm);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>User + system CPU seconds of the process (its own threads, not its children).</summary>
    public static double CpuSeconds(int pid) => StatSeconds(pid, UtimeField);

    /// <summary>CPU time of the children <paramref name="pid"/> has waited for (cutime + cstime): backends that ended.</summary>
    public static double ReapedChildrenCpuSeconds(int pid) => StatSeconds(pid, CutimeField);

    // 0-based after the command in /proc/<pid>/stat: state is field 3 in proc(5), utime 14, stime 15, cutime 16, cstime 17.
    private const int UtimeField = 11;
    private const int CutimeField = 13;

    /// <summary>The sum of the clock-tick fields at <paramref name="first"/> and the one after it, in seconds; 0 if the process is gone.</summary>
    private static double StatSeconds(int pid, int first)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[first], CultureInfo.InvariantCulture) + long.Parse(fields[first + 1], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The direct children of a process (e.g. the PostgreSQL backends under the postmaster).</summary>
    public static IReadOnlyList<int> Children(int parent)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent) children.Add(pid);
            }
            catch (IOException)
            {
                // gone meanwhile
            }
        }
        return children;
    }

    /// <summary>The postmaster's pid from the data directory's postmaster.pid; null when not running.</summary>
    public static int? PostmasterPid(string dataDirectory)
    {
        try
        {
            var first = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
