using System.Text;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Writing;

namespace SociaalDomein.Fault.Tests.Infrastructure;

/// <summary>Real iJw 3.2 declarations (JW323) written by the production writer, one contract, known amounts.</summary>
internal static class Declarations
{
    public const string Municipality = "0268";
    public const string Provider = "12345678";
    private const string TestBsn = "999900006";

    /// <summary>One declaration with one line of <paramref name="hours"/> × € 95.00, for May 2026.</summary>
    public static byte[] Jw323(string id, long hours, string? padding = null)
    {
        var month = new DateOnly(2026, 5, 1);
        var line = new Prestatie($"R-{id}", null, 7, "45", "45A03", month, month.AddMonths(1).AddDays(-1), hours, "04", 9_500,
            hours * 9_500, DebetCredit.Debet);
        var bytes = MessageWriter.Write(new DeclaratieMessage(Standard.IJw,
            new MessageHeader(490, 3, 2, Provider, Municipality, id, new DateOnly(2026, 6, 3), "1.2.0", "1.2.0"),
            "N" + id.Replace("-", "", StringComparison.Ordinal), month, month.AddMonths(1).AddDays(-1), new DateOnly(2026, 6, 3), line.SignedAmountCents,
            [new DeclaratieClient(Bsn.TryCreate(TestBsn, out var bsn) ? bsn : throw new InvalidOperationException(), [line])]));
        if (padding is null) return bytes;
        // A comment before the root's end tag: a large record that is still a valid, cheap message.
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.LastIndexOf('<');
        return Encoding.UTF8.GetBytes(text[..end] + "<!--" + padding + "-->" + text[end..]);
    }

    public static long AmountCents(long hours) => hours * 9_500;
}
