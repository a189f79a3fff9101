using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace SociaalDomein.Api.Security;

/// <summary>The API keys from configuration (<c>Api:Keys:{id}:Key|Role|Municipalities</c>) and the constant-time lookup of a presented key.</summary>
public sealed partial class ApiKeyRegistry
{
    public const string Section = "Api:Keys";

    /// <summary>Shorter keys are refused at start: an API key is a password that is never typed.</summary>
    public const int MinimumKeyLength = 24;

    private readonly IReadOnlyList<ApiKey> _keys;

    public ApiKeyRegistry(IReadOnlyList<ApiKey> keys) => _keys = keys;

    public IReadOnlyList<ApiKey> Keys => _keys;

    /// <summary>
    /// Reads and checks every key. A mistake is an error naming the setting and the rule, never the key's value.
    /// <c>Municipalities</c> is a comma-separated string or an array (<c>Municipalities:0</c>, <c>:1</c>, …).
    /// </summary>
    public static ApiKeyRegistry FromConfiguration(IConfiguration keysSection)
    {
        ArgumentNullException.ThrowIfNull(keysSection);
        var keys = new List<ApiKey>();
        var errors = new List<string>();
        var seenHashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in keysSection.GetChildren())
        {
            var path = $"{Section}:{entry.Key}";
            var key = entry["Key"];
            var role = entry["Role"]?.Trim().ToLowerInvariant();
            var municipalitiesSection = entry.GetSection("Municipalities");
            var municipalities = (municipalitiesSection.GetChildren().Any()
                    ? municipalitiesSection.GetChildren().Select(c => c.Value ?? "")
                    : (municipalitiesSection.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

            if (string.IsNullOrEmpty(key) || key.Length < MinimumKeyLength)
                errors.Add($"{path}:Key is required and must be at least {MinimumKeyLength} characters.");
            if (role is null || !ApiRoles.All.Contains(role))
                errors.Add($"{path}:Role must be one of {string.Join(", ", ApiRoles.All)}.");
            if (role == ApiRoles.ContractManager && municipalities.Count == 0)
                errors.Add($"{path}:Municipalities is required for a contract manager (CBS codes, e.g. \"0268,0252\").");
            if (role != ApiRoles.ContractManager && municipalities.Count > 0)
                errors.Add($"{path}:Municipalities applies to the contractmanager role only.");
            errors.AddRange(municipalities.Where(m => !MunicipalityCode().IsMatch(m))
                .Select(_ => $"{path}:Municipalities must hold 4-digit CBS codes."));
            if (string.IsNullOrEmpty(key) || role is null) continue;

            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
            if (!seenHashes.Add(Convert.ToHexString(hash)))
                errors.Add($"{path}:Key is the same as another key's; every caller needs a key of its own.");
            keys.Add(new ApiKey(entry.Key, hash, role, municipalities));
        }

        if (errors.Count > 0)
            throw new InvalidOperationException("API key configuration is invalid: " + string.Join(" ", errors.Distinct()));
        return new ApiKeyRegistry(keys);
    }

    /// <summary>
    /// The key matching <paramref name="presented"/>, or null. Compares the SHA-256 of the presented key with every
    /// configured hash in constant time and without stopping at a match, so timing tells nothing about any key.
    /// </summary>
    public ApiKey? Find(string presented)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        ApiKey? match = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.KeyHash))
                match = key;
        }
        return match;
    }

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex MunicipalityCode();
}
