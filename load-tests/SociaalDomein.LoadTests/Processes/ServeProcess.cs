using System.Diagnostics;
using SociaalDomein.LoadTests.Measurement;

namespace SociaalDomein.LoadTests.Processes;

/// <summary>
/// A real <c>dotnet sdstream.dll serve</c> child process (sdstream.dll is copied beside the harness), its settings as
/// environment variables, the tail of its output kept for an error message, and its CPU time and resident set sampled
/// while it lives, so that the figures of a process the harness SIGKILLs are not lost with it.
/// </summary>
public sealed class ServeProcess : IDisposable
{
    private const int OutputLinesKept = 200;
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private StreamWriter? _log;
    private double _cpuSeconds;
    private double _peakRssMb;

    private ServeProcess(Process process, string name, string roles, StreamWriter? log)
    {
        _log = log;
        _process = process;
        Name = name;
        Roles = roles;
        StartedAt = DateTimeOffset.UtcNow;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string Roles { get; }

    public int Id => _process.Id;

    public DateTimeOffset StartedAt { get; }

    /// <summary>Set when the harness killed it on purpose; a process that exits without this is a failure.</summary>
    public DateTimeOffset? KilledAt { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>User + system CPU seconds, as last sampled (what a killed process had used when it was killed).</summary>
    public double CpuSeconds => Volatile.Read(ref _cpuSeconds);

    public double PeakRssMb => Volatile.Read(ref _peakRssMb);

    public string OutputTail
    {
        get
        {
            lock (_output) return string.Join("\n", _output);
        }
    }

    /// <param name="settings">Configuration keys (Section:Key); they become environment variables (Section__Key).</param>
    /// <param name="logDirectory">Where to write the whole output as {name}.log; null: keep only the tail.</param>
    public static ServeProcess Start(string name, string roles, IReadOnlyDictionary<string, string?> settings, string? logDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sdstream.dll"), "serve"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Orleans"] = "Error";
        // The worker's partition assignments, commits and retries: what a kill sets off.
        start.Environment["Logging__LogLevel__SociaalDomein.Ingestion.Worker"] = "Information";
        start.Environment["DOTNET_gcServer"] = "0"; // four hosts on two cores: one server-GC heap per core each would only contend
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["SociaalDomein__Roles"] = roles;
        StreamWriter? log = null;
        if (logDirectory is not null)
        {
            Directory.CreateDirectory(logDirectory);
            log = new StreamWriter(Path.Combine(logDirectory, name.Replace(' ', '-') + ".log")) { AutoFlush = true };
        }
        return new ServeProcess(Process.Start(start)!, name, roles, log);
    }

    /// <summary>Reads CPU time and resident set from /proc while the process lives; a dead one keeps its last figures.</summary>
    public void Sample()
    {
        if (_process.HasExited) return;
        var cpu = ProcStatus.CpuSeconds(_process.Id);
        var (_, peak) = ProcStatus.Memory(_process.Id);
        if (cpu > 0) Volatile.Write(ref _cpuSeconds, cpu);
        if (peak > 0) Volatile.Write(ref _peakRssMb, Math.Max(PeakRssMb, peak / 1048576.0));
    }

    /// <summary>SIGKILL, as an OOM killer or a lost machine: no shutdown code runs, nothing is committed or handed over.</summary>
    public void Kill()
    {
        Sample();
        KilledAt = DateTimeOffset.UtcNow;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>Throws with the output's tail when the process ended without being killed: a dead child must not look like a slow one.</summary>
    public void ThrowIfDiedUnexpectedly()
    {
        if (KilledAt is null && _process.HasExited)
            throw new InvalidOperationException($"{Name} ({Roles}) exited with {_process.ExitCode}:\n{OutputTail}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _log?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept) _output.Dequeue();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Sample();
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        lock (_output)
        {
            // Output events can still arrive after the exit; they go to the tail only.
            _log?.Dispose();
            _log = null;
        }
    }
}
