using System.Diagnostics;
using System.Globalization;

namespace SociaalDomein.LoadTests.Results;

/// <summary>What else the machine was doing: load averages (1, 5, 15 min) as uptime shows them, and the commit under test.</summary>
public static class MachineState
{
    public static double[] LoadAverages()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ').Take(3)
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (IOException)
        {
            return [];
        }
    }

    public static int Cores => Environment.ProcessorCount;

    /// <summary>The git commit of the working directory (with "+dirty" when it has changes), or "unknown".</summary>
    /// <summary>
    /// The commit the harness was started at (read once, at the first call, which Program makes at start): the working
    /// tree may change while a long run goes on, and the figures belong to the binary that ran.
    /// </summary>
    public static string Commit() => AtStart.Value;

    private static readonly Lazy<string> AtStart = new(ReadCommit);

    private static string ReadCommit()
    {
        try
        {
            var head = Git("rev-parse --short=12 HEAD");
            if (head is null) return "unknown";
            var dirty = Git("status --porcelain --untracked-files=no");
            return string.IsNullOrWhiteSpace(dirty) ? head : head + "+dirty";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string? Git(string arguments)
    {
        using var git = Process.Start(new ProcessStartInfo("git", arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        });
        if (git is null) return null;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 ? output : null;
    }
}
