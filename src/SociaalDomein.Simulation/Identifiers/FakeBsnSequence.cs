using System.Globalization;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Simulation.Identifiers;

/// <summary>
/// Recognisably fake BSNs that pass the elfproef, in a fixed order: first the 9999xxxxx block (which holds the
/// well-known test number 999900006), then 9998xxxxx, 9997xxxxx and so on down to 9990xxxxx (≈ 90 000 numbers).
/// </summary>
public sealed class FakeBsnSequence
{
    private int _block = 9999;
    private int _serial = -1;

    /// <summary>The next fake BSN; throws when the 999xxxxxx range is used up.</summary>
    public Bsn Next()
    {
        while (true)
        {
            if (++_serial > 9999)
            {
                _serial = 0;
                if (--_block < 9990) throw new InvalidOperationException("The fake BSN range 999xxxxxx is used up.");
            }
            var prefix = _block * 10_000 + _serial; // the first 8 digits
            if (TryCheckDigit(prefix, out var check) && Bsn.TryCreate(string.Create(CultureInfo.InvariantCulture, $"{prefix:D8}{check}"), out var bsn)) return bsn;
        }
    }

    /// <summary>Elfproef: Σ weight × digit with weights 9..2 for the first eight digits and −1 for the ninth is divisible by 11.</summary>
    private static bool TryCheckDigit(int prefix, out int check)
    {
        var sum = 0;
        for (var weight = 2; weight <= 9; weight++, prefix /= 10) sum += weight * (prefix % 10);
        check = sum % 11;
        return check <= 9;
    }
}
