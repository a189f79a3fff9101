using Npgsql;

namespace SociaalDomein.Storage.Connection;

/// <summary>
/// Checks the TLS part of the PostgreSQL connection string (<c>SSL Mode</c>, <c>Root Certificate</c>) before anything
/// connects, so that a deployment that means to verify its database server cannot silently run without doing so.
/// </summary>
/// <remarks>
/// TLS is configured in the Npgsql connection string itself (one secret, one place): <c>SSL Mode=VerifyFull;Root
/// Certificate=/run/secrets/pg_ca.crt</c> encrypts and checks that the server's certificate is signed by that CA and names
/// the host. <c>Require</c> encrypts without checking who answers; <c>Disable</c>/<c>Prefer</c> are for loopback and tests.
/// </remarks>
public static class PostgresTls
{
    private const string DefaultSetting = "ConnectionStrings:Postgres";

    /// <summary>One sentence per problem, naming the keyword; never repeats the connection string (it may hold a password).</summary>
    /// <param name="setting">The setting the connection string came from, named in every problem.</param>
    public static IEnumerable<string> Problems(string connectionString, string setting = DefaultSetting)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            return [$"{setting} is not a valid Npgsql connection string: {e.Message}"];
        }
        return Problems(parsed, setting);
    }

    private static List<string> Problems(NpgsqlConnectionStringBuilder parsed, string setting)
    {
        var problems = new List<string>();
        var verifies = parsed.SslMode is SslMode.VerifyCA or SslMode.VerifyFull;
        var root = parsed.RootCertificate;
        if (!string.IsNullOrEmpty(root))
        {
            if (!verifies)
                problems.Add($"{setting}: Root Certificate is set but SSL Mode is {parsed.SslMode}, which does not check the server's certificate " +
                             "against it; use SSL Mode=VerifyFull (or VerifyCA), or leave Root Certificate out.");
            else if (!File.Exists(root))
                problems.Add($"{setting}: Root Certificate '{root}' does not exist or cannot be read.");
        }
        else if (verifies && DefaultRootCertificate() is null)
        {
            problems.Add($"{setting}: SSL Mode={parsed.SslMode} needs the CA certificate that signed the server's: set Root Certificate=/path/to/ca.crt " +
                         "(or PGSSLROOTCERT).");
        }
        if (!string.IsNullOrEmpty(parsed.SslCertificate) && !File.Exists(parsed.SslCertificate))
            problems.Add($"{setting}: SSL Certificate '{parsed.SslCertificate}' does not exist or cannot be read.");
        if (!string.IsNullOrEmpty(parsed.SslKey) && !File.Exists(parsed.SslKey))
            problems.Add($"{setting}: SSL Key '{parsed.SslKey}' does not exist or cannot be read.");
        return problems;
    }

    /// <summary>Where Npgsql (like libpq) looks for a CA when the connection string names none.</summary>
    private static string? DefaultRootCertificate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PGSSLROOTCERT");
        if (!string.IsNullOrEmpty(fromEnvironment)) return File.Exists(fromEnvironment) ? fromEnvironment : null;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var path = Path.Combine(home, ".postgresql", "root.crt");
        return File.Exists(path) ? path : null;
    }
}
