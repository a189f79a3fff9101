using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SociaalDomein.Fault.Tests.Fuzz;

/// <summary>The ways a valid message is broken: each one something a faulty export, a proxy or an attacker produces.</summary>
public enum MutationKind
{
    Truncate,
    FlipBits,
    HugeNumber,
    DeepNesting,
    Utf16,
    Latin1DeclaredAsUtf8,
    EntityExpansion,
    ExternalEntity,
    Splice,
    ControlBytes,
    Oversize,
}

/// <summary>
/// One fuzz input: which seed message, which mutation and its parameters. A plain record, so FsCheck prints and shrinks it
/// and a failing case can be replayed from the test output.
/// </summary>
public sealed partial record Mutation(int Seed, MutationKind Kind, int A, int B, int C)
{
    /// <summary>Applies the mutation to the seed's bytes; deterministic in its parameters.</summary>
    public byte[] Apply(byte[] seed)
    {
        var position = seed.Length == 0 ? 0 : (int)((uint)A % (uint)seed.Length);
        switch (Kind)
        {
            case MutationKind.Truncate:
                return seed[..position];
            case MutationKind.FlipBits:
            {
                var copy = (byte[])seed.Clone();
                var flips = 1 + (int)((uint)B % 8);
                for (var i = 0; i < flips; i++)
                {
                    var at = (int)((uint)(A + i * 7919 * (C | 1)) % (uint)copy.Length);
                    copy[at] ^= (byte)(1 << ((C + i) & 7));
                }
                return copy;
            }
            case MutationKind.HugeNumber:
            {
                // A number where the standard expects a few digits: an amount, a quantity, an allocation number.
                var text = Encoding.UTF8.GetString(seed);
                var numbers = Number().Matches(text);
                if (numbers.Count == 0) return seed;
                var target = numbers[(int)((uint)B % (uint)numbers.Count)];
                var digits = 20 + (int)((uint)C % 4_000);
                var huge = (C % 3 == 0 ? "-" : "") + new string('9', digits);
                return Encoding.UTF8.GetBytes(text[..(target.Index + 1)] + huge + text[(target.Index + target.Length - 1)..]);
            }
            case MutationKind.DeepNesting:
            {
                var depth = 10 + (int)((uint)B % 50_000);
                var text = Encoding.UTF8.GetString(seed);
                var at = text.IndexOf('>', Math.Max(text.IndexOf("<", 40, StringComparison.Ordinal), 0)) + 1;
                var open = string.Concat(Enumerable.Repeat("<x>", depth));
                var close = string.Concat(Enumerable.Repeat("</x>", C % 2 == 0 ? depth : depth / 2));
                return Encoding.UTF8.GetBytes(text[..at] + open + close + text[at..]);
            }
            case MutationKind.Utf16:
            {
                // The text re-encoded, with or without a byte order mark, the declaration still claiming UTF-8 or not.
                var text = Encoding.UTF8.GetString(seed);
                if (C % 2 == 0) text = text.Replace("encoding=\"utf-8\"", "encoding=\"utf-16\"", StringComparison.OrdinalIgnoreCase);
                var encoding = new UnicodeEncoding(bigEndian: B % 2 == 0, byteOrderMark: C % 3 != 0);
                return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
            }
            case MutationKind.Latin1DeclaredAsUtf8:
            {
                // "Zorg & Welzijn B.V. – Kröller" saved as Latin-1 by a backoffice that still declares UTF-8.
                var copy = new List<byte>(seed);
                var at = Math.Max(0, copy.IndexOf((byte)'<', position) is var lt and > 0 ? lt : position);
                copy.InsertRange(at, [(byte)'K', 0xF6, (byte)'l', 0xE9, 0x96]);
                return [.. copy];
            }
            case MutationKind.EntityExpansion:
            {
                // Billion laughs: each entity ten of the one before.
                var levels = 3 + (int)((uint)B % 8);
                var dtd = new StringBuilder("<!DOCTYPE Bericht [<!ENTITY e0 \"lollollollol\">");
                for (var i = 1; i <= levels; i++)
                    dtd.Append(CultureInfo.InvariantCulture, $"<!ENTITY e{i} \"{string.Concat(Enumerable.Repeat($"&e{i - 1};", 10))}\">");
                dtd.Append("]>");
                return InsertDoctype(seed, dtd.ToString(), $"&e{levels};");
            }
            case MutationKind.ExternalEntity:
                return InsertDoctype(seed, B % 2 == 0
                    ? "<!DOCTYPE Bericht [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    : "<!DOCTYPE Bericht SYSTEM \"http://127.0.0.1:9/evil.dtd\">", "&x;");
            case MutationKind.Splice:
            {
                // A chunk of the message copied elsewhere: duplicated, misplaced or cut elements.
                var from = (int)((uint)B % (uint)Math.Max(1, seed.Length));
                var length = Math.Min(seed.Length - from, 1 + (int)((uint)C % 400));
                var copy = new List<byte>(seed);
                copy.InsertRange(position, seed.AsSpan(from, length).ToArray());
                if (C % 2 == 0) copy.RemoveRange(Math.Min(from, copy.Count - 1), Math.Min(length, copy.Count - Math.Min(from, copy.Count - 1)));
                return [.. copy];
            }
            case MutationKind.ControlBytes:
            {
                var copy = new List<byte>(seed);
                copy.InsertRange(position, [0x00, (byte)(B & 0x1F), 0xFF, 0xFE, (byte)(C & 0x7F)]);
                return [.. copy];
            }
            case MutationKind.Oversize:
            {
                // Just over the standard's 25 MB: a valid message padded with whitespace before its root ends.
                var padding = SociaalDomein.Messages.Reading.MessageReader.MaxMessageBytes - seed.Length + 1 + (int)((uint)B % 4096);
                var end = Array.LastIndexOf(seed, (byte)'<');
                return [.. seed.AsSpan(0, end), .. Enumerable.Repeat((byte)' ', padding), .. seed.AsSpan(end)];
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null);
        }
    }

    private static byte[] InsertDoctype(byte[] seed, string doctype, string reference)
    {
        var text = Encoding.UTF8.GetString(seed);
        var declarationEnd = text.StartsWith("<?xml", StringComparison.Ordinal) ? text.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        var firstValue = Number().Match(text, declarationEnd);
        var withReference = firstValue.Success ? text[..(firstValue.Index + 1)] + reference + text[(firstValue.Index + 1)..] : text;
        return Encoding.UTF8.GetBytes(withReference[..declarationEnd] + doctype + withReference[declarationEnd..]);
    }

    public override string ToString() => $"{Kind}(seed {Seed}, {A}, {B}, {C})";

    [GeneratedRegex(">[0-9]+<")]
    private static partial Regex Number();
}
