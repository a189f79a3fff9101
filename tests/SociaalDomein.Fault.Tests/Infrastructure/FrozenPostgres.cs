using System.Diagnostics;
using System.Globalization;

namespace SociaalDomein.Fault.Tests.Infrastructure;

/// <summary>
/// Freezes a PostgreSQL server with SIGSTOP (the postmaster and every backend), as a stalled disk or a server under a
/// long lock looks from outside: connections stay open, nothing answers. Thawed with SIGCONT on dispose at the latest.
/// </summary>
internal sealed class FrozenPostgres : IDisposable
{
    private readonly List<int> _pids;
    private bool _thawed;

    private FrozenPostgres(List<int> pids) => _pids = pids;

    public int Processes => _pids.Count;

    public static FrozenPostgres Freeze(string dataDirectory)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        // Backends first, so that none is forked after the postmaster was stopped and missed.
        var pids = ChildrenOf(postmaster).Append(postmaster).ToList();
        Signal("STOP", pids);
        return new FrozenPostgres(pids);
    }

    public void Thaw()
    {
        if (_thawed) return;
        _thawed = true;
        Signal("CONT", Enumerable.Reverse(_pids).ToList());
    }

    public void Dispose() => Thaw();

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            // pid (comm) state ppid ...: comm may hold spaces, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent) yield return pid;
        }
    }

    private static void Signal(string signal, List<int> pids)
    {
        using var kill = Process.Start("kill", [$"-{signal}", .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))])!;
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{signal} {string.Join(' ', pids)} exited with {kill.ExitCode}");
    }
}
