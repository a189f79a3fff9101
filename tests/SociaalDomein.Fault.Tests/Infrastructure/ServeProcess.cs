using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace SociaalDomein.Fault.Tests.Infrastructure;

/// <summary>
/// A real <c>dotnet sdstream.dll serve</c> child process with the settings as environment variables, its output kept, so a
/// test can kill it the way an operating system or an OOM killer does (SIGKILL: no shutdown code runs).
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServeProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join("\n", _output);

    public static ServeProcess Start(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sdstream.dll"), "serve"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Quiet by default, with the worker's partition and commit messages that the tests read; a setting may override.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Orleans"] = "Error";
        start.Environment["Logging__LogLevel__SociaalDomein.Ingestion.Worker"] = "Information";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return new ServeProcess(Process.Start(start)!, name);
    }

    /// <summary>SIGKILL: the process ends at once, mid-record, without committing, flushing or leaving its group.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as `docker stop` sends it: the host stops gracefully.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
    }

    /// <summary>Private (anonymous) resident memory of the process in bytes: what it holds of its own, not shared libraries.</summary>
    public long PrivateResidentBytes() => ProcessMemory.PrivateResidentBytes(_process.Id);

    /// <summary>Throws with the process output when it has exited: a dead child must not look like a slow one.</summary>
    public void ThrowIfExited()
    {
        if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
