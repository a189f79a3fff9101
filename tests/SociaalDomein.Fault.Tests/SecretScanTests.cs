using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SociaalDomein.Fault.Tests;

/// <summary>No secret is committed: every tracked file is scanned for keys, passwords and tokens that look real.</summary>
[Trait("Category", "Security")]
public sealed partial class SecretScanTests
{
    [Fact]
    public void No_tracked_file_holds_a_private_key_a_password_a_cloud_key_or_a_BSN_HMAC_key()
    {
        var root = RepositoryRoot();
        var files = TrackedFiles(root);
        Assert.Contains("SociaalDomein.Streaming.sln", files);

        var findings = new List<string>();
        var scanned = 0;
        foreach (var file in files)
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 2_000_000) continue;
            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan(0, Math.Min(bytes.Length, 8_000)).Contains((byte)0)) continue; // binary (images)
            scanned++;
            // This file holds examples of what the scan must find. Other tests need credential-shaped values to test
            // refusals (always fake), so in tests only the unmistakable kinds are looked for: private and cloud keys.
            if (file.EndsWith(nameof(SecretScanTests) + ".cs", StringComparison.Ordinal)) continue;
            var patterns = file.StartsWith("tests/", StringComparison.Ordinal) ? Patterns.Where(p => p.Unmistakable).ToArray() : Patterns;
            var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var (name, pattern, _) in patterns)
                {
                    foreach (Match match in pattern.Matches(lines[i]))
                    {
                        if (!IsPlaceholder(match.Groups["value"].Value)) findings.Add($"{file}:{i + 1}: {name}");
                    }
                }
            }
        }

        Assert.True(scanned > 100, $"only {scanned} files scanned");
        Assert.True(findings.Count == 0, "possible secrets in tracked files:\n" + string.Join("\n", findings));
    }

    [Theory]
    [InlineData("Password=Zomer2026!prod", true)]
    [InlineData("\"Privacy:BsnKey\": \"q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=\"", true)]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----", true)]
    [InlineData("aws_access_key_id = AKIAIOSFODNN7REALKEY", true)]
    [InlineData("Password=${SD_POSTGRES_PASSWORD:-sd-local-only}", false)]
    [InlineData("CREATE ROLE alice LOGIN PASSWORD '…' IN ROLE sd_datateam;", false)]
    [InlineData("[\"Privacy:BsnKey\"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),", false)]
    public void The_scan_recognises_a_real_looking_secret_and_passes_placeholders_and_generated_values(string line, bool secret)
    {
        var found = Patterns.Any(p => p.Pattern.Matches(line).Any(m => !IsPlaceholder(m.Groups["value"].Value)));

        Assert.Equal(secret, found);
    }

    private static readonly (string Name, Regex Pattern, bool Unmistakable)[] Patterns =
    [
        ("private key", PrivateKey(), true),
        ("password in a connection string or setting", Password(), false),
        ("BSN HMAC key or API key with a literal value", KeySetting(), false),
        ("AWS access key", AwsKey(), true),
        ("generic token", Token(), false),
    ];

    /// <summary>Values that stand for a secret rather than being one: variables, secret files, ellipses, examples.</summary>
    private static bool IsPlaceholder(string value) =>
        value.Length == 0 || value.StartsWith('$') || value.StartsWith('{') || value.StartsWith('<') || value.Contains('…', StringComparison.Ordinal)
        || value.StartsWith("/run/secrets", StringComparison.Ordinal) || value.Contains("example", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("Convert.", StringComparison.Ordinal) || value.Contains("test", StringComparison.OrdinalIgnoreCase);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SociaalDomein.Streaming.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("SociaalDomein.Streaming.sln not found above " + AppContext.BaseDirectory);
    }

    private static List<string> TrackedFiles(string root)
    {
        var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "ls-files", "-z"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }

    [GeneratedRegex(@"(?<value>-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----)")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?i)\b(password|pwd|sasl\.password|SaslPassword)\s*[=:]\s*[""']?(?<value>[^\s""';]+)")]
    private static partial Regex Password();

    [GeneratedRegex(@"(?i)(BsnKey|Api(:|__)Keys(:|__)[A-Za-z0-9_-]+(:|__)Key)[""'\]]*\s*[=:]\s*[""']?(?<value>[^\s""',;]+)")]
    private static partial Regex KeySetting();

    [GeneratedRegex(@"\b(?<value>AKIA[0-9A-Z]{16})\b")]
    private static partial Regex AwsKey();

    [GeneratedRegex(@"(?i)\b(secret|token)\s*[=:]\s*[""'](?<value>[A-Za-z0-9+/_\-]{20,})[""']")]
    private static partial Regex Token();
}
