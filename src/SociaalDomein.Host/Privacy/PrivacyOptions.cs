namespace SociaalDomein.Host.Privacy;

/// <summary>BSN pseudonymisation settings (section "Privacy").</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Base64 HMAC key of at least 32 bytes. Comes from a secret store or environment variable, never from the repository.</summary>
    public string BsnKey { get; set; } = "";

    /// <summary>
    /// A file holding the base64 key instead (a Docker or Kubernetes secret, e.g. /run/secrets/sd_bsn_key), so the key
    /// is not in the process environment. Exactly one of <see cref="BsnKey"/> and this is set.
    /// </summary>
    public string BsnKeyFile { get; set; } = "";

    /// <summary>Name of the key version; stored with pseudonyms so a rotation is traceable.</summary>
    public string BsnKeyId { get; set; } = "k1";

    /// <summary>The key itself: <see cref="BsnKey"/>, or the trimmed contents of <see cref="BsnKeyFile"/>.</summary>
    public string ResolveKey() => BsnKeyFile.Length > 0 ? File.ReadAllText(BsnKeyFile).Trim() : BsnKey;
}
