namespace SociaalDomein.Messages.Model;

/// <summary>
/// A citizen service number (burgerservicenummer). Personal data under the GDPR: it never prints itself,
/// and leaves the parser only to be pseudonymised (see <see cref="Privacy.BsnPseudonymizer"/>).
/// </summary>
public readonly struct Bsn : IEquatable<Bsn>
{
    private readonly string _digits;

    private Bsn(string digits) => _digits = digits;

    /// <summary>Accepts exactly 9 digits that pass the elfproef; returns false otherwise.</summary>
    public static bool TryCreate(string? digits, out Bsn bsn)
    {
        bsn = default;
        if (digits is null || digits.Length != 9) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var c = digits[i];
            if (c is < '0' or > '9') return false;
            var weight = i == 8 ? -1 : 9 - i;
            sum += weight * (c - '0');
        }
        if (sum % 11 != 0 || digits == "000000000") return false;
        bsn = new Bsn(digits);
        return true;
    }

    /// <summary>The digits, for pseudonymisation and for writing a message back; never log this.</summary>
    public string RevealForPseudonymisation() => _digits ?? throw new InvalidOperationException("empty BSN");

    public bool Equals(Bsn other) => string.Equals(_digits, other._digits, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is Bsn other && Equals(other);
    public override int GetHashCode() => _digits?.GetHashCode(StringComparison.Ordinal) ?? 0;
    public static bool operator ==(Bsn left, Bsn right) => left.Equals(right);
    public static bool operator !=(Bsn left, Bsn right) => !left.Equals(right);

    /// <summary>Masked on purpose: a BSN must never reach a log, trace or alert through string formatting.</summary>
    public override string ToString() => "BSN(*********)";
}
