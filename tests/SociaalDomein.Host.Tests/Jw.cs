using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Writing;

namespace SociaalDomein.Host.Tests;

/// <summary>Real iJw 3.2 messages, written by the production writer.</summary>
internal static class Jw
{
    public const string TestBsn = "999900006";
    public const string Nijmegen = "0268";
    public const string ZorgA = "12345678";

    public static Bsn Bsn() => Messages.Model.Bsn.TryCreate(TestBsn, out var bsn) ? bsn : throw new ArgumentException("not an elfproef-valid BSN");

    public static Prestatie Debit(string referentie, DateOnly month, long hours, long tariffCents) =>
        new(referentie, null, 1001, "45", "45A03", month, month.AddMonths(1).AddDays(-1), hours, "04", tariffCents, hours * tariffCents, DebetCredit.Debet);

    public static byte[] Declaratie323(string id, DateOnly dagtekening, DateOnly month, params Prestatie[] prestaties) =>
        Declaratie323(Nijmegen, id, dagtekening, month, prestaties);

    public static byte[] Declaratie323(string municipality, string id, DateOnly dagtekening, DateOnly month, params Prestatie[] prestaties) =>
        MessageWriter.Write(new DeclaratieMessage(Standard.IJw,
            new MessageHeader(490, 3, 2, ZorgA, municipality, id, dagtekening, "1.2.0", "1.2.0"),
            id.Replace("-", "", StringComparison.Ordinal), month, month.AddMonths(1).AddDays(-1), dagtekening, prestaties.Sum(p => p.SignedAmountCents),
            [new DeclaratieClient(Bsn(), prestaties)]));

    /// <summary>A declaration without its DeclaratieNummer: refused with rule SD-REQUIRED.</summary>
    public static byte[] BrokenDeclaratie323(string id, DateOnly dagtekening, DateOnly month)
    {
        var text = System.Text.Encoding.UTF8.GetString(Declaratie323(id, dagtekening, month, Debit("X-" + id, month, 1, 100)));
        var withoutNumber = System.Text.RegularExpressions.Regex.Replace(text, @"<(\w+:)?DeclaratieNummer>[^<]*</(\w+:)?DeclaratieNummer>", "",
            System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.NotEqual(text, withoutNumber);
        return System.Text.Encoding.UTF8.GetBytes(withoutNumber);
    }

    public static string WriteFile(DirectoryInfo directory, string name, byte[] content)
    {
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
