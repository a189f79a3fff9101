using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace SociaalDomein.Storage.Embedded;

/// <summary>
/// A throwaway PostgreSQL server of its own (initdb + pg_ctl) for tests, demos and the embedded host role:
/// loopback only, trust authentication, no fsync, deleted on dispose.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, so when this process is root every server command runs as the <c>postgres</c>
/// OS user through <c>runuser</c>, and the data directory is handed to that user.
/// </remarks>
public sealed partial class PrivatePostgres : IAsyncDisposable
{
    /// <summary>Debian's PostgreSQL 15 server binaries.</summary>
    public const string DefaultBinDirectory = "/usr/lib/postgresql/15/bin";

    /// <summary>Environment variable that overrides <see cref="DefaultBinDirectory"/>.</summary>
    public const string BinDirectoryVariable = "SOCIAALDOMEIN_POSTGRES_BIN";

    private const string ServiceUser = "postgres";
    private const int PortAttempts = 5;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _binDirectory;
    private readonly string _rootDirectory;
    private readonly bool _runAsServiceUser;
    private bool _running;
    private bool _disposed;

    private PrivatePostgres(string binDirectory, string rootDirectory, string databaseName, bool runAsServiceUser)
    {
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _runAsServiceUser = runAsServiceUser;
        DatabaseName = databaseName;
    }

    /// <summary>The loopback port the server listens on; kept across <see cref="RestartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>The database created at start, named after the instance.</summary>
    public string DatabaseName { get; }

    /// <summary>The data directory (PGDATA); its parent also holds the server log.</summary>
    public string DataDirectory => Path.Combine(_rootDirectory, "data");

    private string LogFile => Path.Combine(_rootDirectory, "postgres.log");

    /// <summary>Connection string for <see cref="DatabaseName"/>.</summary>
    public string ConnectionString => ConnectionStringFor(DatabaseName);

    /// <summary>
    /// Initialises a fresh data directory, starts the server on a free loopback port and creates a database called
    /// <paramref name="name"/> (lower case letters, digits and underscores).
    /// </summary>
    /// <param name="binDirectory">Directory with initdb, pg_ctl and postgres; default: <see cref="BinDirectoryVariable"/> or <see cref="DefaultBinDirectory"/>.</param>
    public static async Task<PrivatePostgres> StartAsync(string name, string? binDirectory = null, CancellationToken cancellationToken = default)
    {
        ValidateIdentifier(name);
        var bin = binDirectory ?? Environment.GetEnvironmentVariable(BinDirectoryVariable) ?? DefaultBinDirectory;
        foreach (var tool in new[] { "initdb", "pg_ctl", "postgres" })
        {
            if (!File.Exists(Path.Combine(bin, tool)))
                throw new InvalidOperationException(
                    $"PostgreSQL server binaries not found: '{Path.Combine(bin, tool)}' does not exist. " +
                    $"Install them with 'apt-get install postgresql-15', or point {BinDirectoryVariable} at the directory that holds initdb and pg_ctl.");
        }

        var runAsServiceUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        // The server's socket lives in the data directory and socket paths are limited to 107 bytes: keep it short.
        var root = Directory.CreateTempSubdirectory($"sd-pg-{name[..Math.Min(name.Length, 16)]}-").FullName;
        var server = new PrivatePostgres(bin, root, name, runAsServiceUser);
        try
        {
            await server.InitialiseAsync(cancellationToken);
            await server.StartOnFreePortAsync(cancellationToken);
            await server.CreateDatabaseAsync(name, cancellationToken: cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Connection string for another database on this server.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = ServiceUser,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates a database and returns its connection string.</summary>
    /// <param name="template">
    /// A database to copy, e.g. one already migrated, so tests need not migrate each of theirs; it must have no open
    /// connections. Default: an empty database.
    /// </param>
    public async Task<string> CreateDatabaseAsync(string database, string? template = null, CancellationToken cancellationToken = default)
    {
        ValidateIdentifier(database);
        if (template is not null)
            ValidateIdentifier(template);
        var admin = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            // Names are validated above: identifiers cannot be bound as parameters. FILE_COPY is the faster strategy
            // for small databases such as these.
            var sql = $"CREATE DATABASE \"{database}\" TEMPLATE \"{template ?? "template1"}\" STRATEGY FILE_COPY";
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return ConnectionStringFor(database);
    }

    /// <summary>
    /// Adds server configuration for the next (re)start, e.g. TLS: writes <paramref name="files"/> into the data directory
    /// (owned by the server's OS user, readable by it alone, as PostgreSQL demands of a private key), appends
    /// <paramref name="settings"/> to postgresql.conf and, when given, replaces pg_hba.conf with
    /// <paramref name="hostBasedAuthentication"/>. Takes effect with <see cref="RestartAsync"/>.
    /// </summary>
    public async Task ConfigureAsync(string settings, IReadOnlyDictionary<string, string>? files = null, string? hostBasedAuthentication = null,
        CancellationToken cancellationToken = default)
    {
        foreach (var (name, contents) in files ?? new Dictionary<string, string>())
        {
            if (Path.GetFileName(name) != name) throw new ArgumentException($"'{name}' is not a plain file name.", nameof(files));
            var path = Path.Combine(DataDirectory, name);
            await File.WriteAllTextAsync(path, contents, cancellationToken);
            if (_runAsServiceUser)
                await RunProcessAsync("chown", [$"{ServiceUser}:", path], cancellationToken);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), Environment.NewLine + settings + Environment.NewLine, cancellationToken);
        if (hostBasedAuthentication is not null)
            await File.WriteAllTextAsync(Path.Combine(DataDirectory, "pg_hba.conf"), hostBasedAuthentication, cancellationToken);
    }

    /// <summary>Stops the server (fast shutdown: open sessions are disconnected), keeping the data directory.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_running)
            return;
        await RunAsync(PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], cancellationToken);
        _running = false;
    }

    /// <summary>
    /// Starts the server again on the same data directory and port, as after a crash or maintenance; stops it first
    /// if it is running, so after <see cref="StopAsync"/> this is the way to bring it back.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        // The port was ours a moment ago; another process grabbing it in between is unlikely but possible, and the
        // connection strings handed out name this port, so retry the same one for a while instead of moving.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnAsync(Port, cancellationToken);
                return;
            }
            catch (PortInUseException) when (attempt < PortAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>Stops the server and deletes its data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // A server that will not stop in an orderly way must still not outlive its deleted data directory.
            await TryStopImmediatelyAsync();
        }

        try
        {
            Directory.Delete(_rootDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover directory under /tmp is harmless; a failing dispose would hide the test's own outcome.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task TryStopImmediatelyAsync()
    {
        try
        {
            await RunAsync(PgCtl, ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "10"], CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Not running (any more): nothing left to stop.
        }
        _running = false;
    }

    private string PgCtl => Path.Combine(_binDirectory, "pg_ctl");

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (_runAsServiceUser)
            await RunProcessAsync("chown", [$"{ServiceUser}:", _rootDirectory], cancellationToken);

        await RunAsync(Path.Combine(_binDirectory, "initdb"),
            ["-D", DataDirectory, "-U", ServiceUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions"],
            cancellationToken);

        // Settings for a throwaway, loopback-only instance. Durability is traded for speed (fsync off), which is fine
        // for data that is deleted on dispose; a stopped-and-restarted server still keeps everything (clean shutdown).
        var settings = new StringBuilder()
            .AppendLine()
            .AppendLine("# SociaalDomein private instance")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine($"unix_socket_directories = '{DataDirectory}'")
            .AppendLine("fsync = off")
            .AppendLine("synchronous_commit = off")
            .AppendLine("full_page_writes = off")
            .AppendLine("max_connections = 200")
            .AppendLine("timezone = 'UTC'")
            // Statement statistics for profiling (the load tests read them); loaded only where the package ships it.
            .AppendLine(File.Exists(Path.Combine(_binDirectory, "..", "lib", "pg_stat_statements.so")) ? "shared_preload_libraries = 'pg_stat_statements'" : "")
            .ToString();
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), settings, cancellationToken);
    }

    private async Task StartOnFreePortAsync(CancellationToken cancellationToken)
    {
        // Between asking the OS for a free port and the server binding it another process may take it: try another.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnAsync(FreeLoopbackPort(), cancellationToken);
                return;
            }
            catch (PortInUseException) when (attempt < PortAttempts)
            {
            }
        }
    }

    private async Task StartOnAsync(int port, CancellationToken cancellationToken)
    {
        Port = port;
        try
        {
            await RunAsync(PgCtl, ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", $"-p {port}"], cancellationToken);
        }
        catch (InvalidOperationException ex) when (LogTail().Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                                                    || LogTail().Contains("already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new PortInUseException(port, ex);
        }
        _running = true;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a PostgreSQL tool, as the postgres user when this process is root.</summary>
    private Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        _runAsServiceUser
            ? RunProcessAsync("runuser", ["-u", ServiceUser, "--", tool, .. arguments], cancellationToken)
            : RunProcessAsync(tool, arguments, cancellationToken);

    private async Task RunProcessAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Tools resolve relative paths and write temporary files against the working directory: use one the
            // postgres user can read.
            WorkingDirectory = _rootDirectory,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        using var process = Process.Start(startInfo)
                            ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var command = string.Join(' ', arguments.Prepend(Path.GetFileName(fileName)));
            throw new InvalidOperationException(
                $"'{command}' exited with code {process.ExitCode}.{Environment.NewLine}" +
                $"{await output}{await error}{Environment.NewLine}Server log (tail):{Environment.NewLine}{LogTail()}");
        }
    }

    private string LogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogFile);
            return string.Join(Environment.NewLine, lines.TakeLast(20));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private static void ValidateIdentifier(string name)
    {
        if (!Identifier().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a plain identifier (lower case letter, then up to 62 lower case letters, digits or underscores).", nameof(name));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();

    private sealed class PortInUseException(int port, Exception inner)
        : Exception($"Port {port} is already in use.", inner);
}
