namespace SociaalDomein.Messages.Reading;

/// <summary>
/// Makes text from a message safe to put in an explanation: a BSN may sit in any field by mistake,
/// so every run of nine or more digits is masked and long values are cut.
/// </summary>
internal static class Redaction
{
    /// <summary>The value in single quotes, masked and shortened, for "'2025-13-01' is not a valid date".</summary>
    public static string Quote(ReadOnlySpan<char> value, int maxLength = 40)
    {
        var cut = value.Length > maxLength;
        var shown = cut ? value[..maxLength] : value;
        return "'" + MaskDigitRuns(shown) + (cut ? "…'" : "'");
    }

    /// <summary>Replaces every run of 9 or more digits with asterisks of the same length.</summary>
    public static string MaskDigitRuns(ReadOnlySpan<char> text)
    {
        var chars = text.ToArray();
        var runStart = -1;
        for (var i = 0; i <= chars.Length; i++)
        {
            var isDigit = i < chars.Length && char.IsAsciiDigit(chars[i]);
            if (isDigit)
            {
                if (runStart < 0) runStart = i;
                continue;
            }
            if (runStart >= 0 && i - runStart >= 9)
            {
                chars.AsSpan(runStart, i - runStart).Fill('*');
            }
            runStart = -1;
        }
        return new string(chars);
    }
}
