namespace SociaalDomein.Host.Privacy;

/// <summary>BSN pseudonymisation settings (section "Privacy").</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Base64 HMAC key of at least 32 bytes. Comes from a secret store or environment variable, never from the repository.</summary>
    public string BsnKey { get; set; } = "";

    /// <summary>Name of the key version; stored with pseudonyms so a rotation is traceable.</summary>
    public string BsnKeyId { get; set; } = "k1";
}
