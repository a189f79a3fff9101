using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Tests;

/// <summary>A realistic, rule-abiding JW323 of any size, built in code: clients of five prestaties each, one in ten a credit.</summary>
internal static class SampleDeclaration
{
    private static readonly string[] Bsns = ["999900006", "999900018", "999900031", "999900043", "999900055", "999900067", "999900079", "999900080"];

    public static DeclaratieMessage Build(int prestaties)
    {
        var month = new DateOnly(2025, 4, 1);
        var end = month.AddMonths(1).AddDays(-1);
        var clients = new List<DeclaratieClient>();
        var lines = new List<Prestatie>(5);
        for (var i = 0; i < prestaties; i++)
        {
            var credit = i % 10 == 9;
            var hours = 4 + i % 13;
            const long tariff = 8_950;
            lines.Add(new Prestatie(
                $"P{i:D10}", credit ? $"P{i - 1:D10}" : null, 10_000 + i % 997, "45", "45A03", month, end,
                hours, "04", tariff, hours * tariff, credit ? DebetCredit.Credit : DebetCredit.Debet));
            if (lines.Count == 5 || i == prestaties - 1)
            {
                clients.Add(new DeclaratieClient(Fixture.Bsn(Bsns[clients.Count % Bsns.Length]), lines));
                lines = new List<Prestatie>(5);
            }
        }
        var header = new MessageHeader(490, 3, 2, "12345678", "0268", "D2025050099", new DateOnly(2025, 5, 6), "1.0.0", "1.0.0");
        return new DeclaratieMessage(Standard.IJw, header, "DN202504099", month, end, new DateOnly(2025, 5, 6),
            clients.SelectMany(c => c.Prestaties).Sum(p => p.SignedAmountCents), clients);
    }
}
