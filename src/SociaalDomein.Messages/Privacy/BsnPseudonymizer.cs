using System.Security.Cryptography;
using System.Text;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Privacy;

/// <summary>
/// Turns a BSN into a keyed pseudonym (HMAC-SHA256, hex) so that lines of the same client can be linked
/// without storing the BSN. Without the key the pseudonym cannot be reversed by trying all 10^9 BSNs.
/// </summary>
public sealed class BsnPseudonymizer
{
    private readonly byte[] _key;
    private readonly string _keyId;

    /// <param name="key">Secret key, at least 32 bytes.</param>
    /// <param name="keyId">Short name of the key version, stored beside each pseudonym so a key rotation is traceable.</param>
    public BsnPseudonymizer(byte[] key, string keyId)
    {
        if (key.Length < 32)
            throw new ArgumentException("The BSN pseudonymisation key must be at least 32 bytes.", nameof(key));
        _key = key.ToArray();
        _keyId = keyId;
    }

    /// <summary>Key version that produced the pseudonyms.</summary>
    public string KeyId => _keyId;

    /// <summary>Creates a pseudonymizer from a base64 key as found in configuration.</summary>
    public static BsnPseudonymizer FromBase64(string base64Key, string keyId)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64Key);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The BSN pseudonymisation key is not valid base64.", nameof(base64Key), e);
        }
        return new BsnPseudonymizer(key, keyId);
    }

    /// <summary>64 lowercase hex characters.</summary>
    public string Pseudonymise(Bsn bsn)
    {
        Span<byte> input = stackalloc byte[9];
        Encoding.ASCII.GetBytes(bsn.RevealForPseudonymisation(), input);
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, input, hash);
        return Convert.ToHexStringLower(hash);
    }
}
