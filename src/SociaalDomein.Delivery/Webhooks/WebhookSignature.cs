using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SociaalDomein.Delivery.Webhooks;

/// <summary>
/// The signature on every webhook call: HMAC-SHA256 with the subscription's shared secret over
/// "{timestamp}.{body}", sent as <c>X-SD-Signature: v1=&lt;hex&gt;</c> next to <c>X-SD-Timestamp: &lt;unix seconds&gt;</c>.
/// Signing the timestamp with the body lets a receiver refuse a replayed call: a copy cannot carry a newer timestamp.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-SD-Signature";
    public const string TimestampHeader = "X-SD-Timestamp";
    public const string Version = "v1";

    /// <summary>How far a receiver should let a timestamp differ from its clock (the receiver's choice; this is our advice).</summary>
    public static readonly TimeSpan RecommendedTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The <c>X-SD-Signature</c> value for <paramref name="body"/> sent at <paramref name="timestamp"/> (unix seconds).</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Version + "=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>
    /// What a receiver does: true when <paramref name="signature"/> is ours for this body and timestamp (compared in
    /// constant time) and the timestamp lies within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(secret) || signature is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
