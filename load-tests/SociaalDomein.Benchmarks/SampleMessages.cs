using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Writing;

namespace SociaalDomein.Benchmarks;

/// <summary>
/// The messages the benchmarks parse, written with <see cref="MessageWriter"/> so they are exactly what the system
/// writes and reads: a month's JW323 of a mid-sized provider and a JW301 for one client.
/// </summary>
internal static class SampleMessages
{
    /// <summary>Products of a mid-sized youth-care provider: (category, code, unit, tariff in cents; 0 for euro's).</summary>
    private static readonly (string Categorie, string Code, string Eenheid, long Tarief)[] Products =
    [
        ("45", "45A03", "04", 8_950),
        ("45", "45A48", "01", 183),
        ("43", "43A11", "14", 24_500),
        ("54", "54A02", "04", 11_500),
        ("41", "41A05", "16", 6_200),
        ("50", "50A01", "83", 0),
    ];

    /// <summary>A JW323 for April 2025 with <paramref name="prestaties"/> lines over clients of 1 to 6 lines; every tenth line a credit.</summary>
    public static byte[] Declaratie(int prestaties)
    {
        var begin = new DateOnly(2025, 4, 1);
        var end = new DateOnly(2025, 4, 30);
        var clients = new List<DeclaratieClient>();
        var lines = new List<Prestatie>();
        var clientNumber = 0;
        for (var i = 0; i < prestaties; i++)
        {
            var (categorie, code, eenheid, tarief) = Products[i % Products.Length];
            var volume = eenheid == "83" ? 25_000 + i % 50 * 100 : 2 + i * 7 % 40;
            var credit = i % 10 == 9;
            lines.Add(new Prestatie(
                ReferentieNummer: $"R2504{i:D7}",
                VorigReferentieNummer: credit ? $"R2503{i:D7}" : null,
                ToewijzingNummer: 400_000 + i,
                ProductCategorie: categorie,
                ProductCode: code,
                ProductPeriodeBegin: begin,
                ProductPeriodeEinde: end,
                GeleverdVolume: volume,
                Eenheid: eenheid,
                ProductTariefCents: eenheid == "83" ? null : tarief,
                IngediendBedragCents: eenheid == "83" ? volume : volume * tarief,
                DebetCredit: credit ? DebetCredit.Credit : DebetCredit.Debet));
            if (lines.Count == 1 + clientNumber % 6 || i == prestaties - 1)
            {
                clients.Add(new DeclaratieClient(FakeBsn(clientNumber++), lines));
                lines = [];
            }
        }
        var header = new MessageHeader(490, 3, 2, "12345678", "0268", "D2505000123", new DateOnly(2025, 5, 6), "1.0.0", "1.0.0");
        var message = new DeclaratieMessage(Standard.IJw, header, "DN20250412", begin, end, new DateOnly(2025, 5, 6),
            clients.SelectMany(c => c.Prestaties).Sum(p => p.SignedAmountCents), clients);
        return MessageWriter.Write(message);
    }

    /// <summary>A JW301 for one client with <paramref name="producten"/> allocations (a typical 301 has one to five).</summary>
    public static byte[] Toewijzing(int producten)
    {
        var allocations = Enumerable.Range(0, producten).Select(i => new ToegewezenProduct(
            ToewijzingNummer: 500_000 + i,
            ReferentieAanbieder: $"REF-{i}",
            ProductCategorie: Products[i % Products.Length].Categorie,
            ProductCode: Products[i % Products.Length].Code,
            Toewijzingsdatum: new DateOnly(2025, 3, 28),
            Toewijzingstijd: new TimeOnly(14, 30, i % 60),
            Ingangsdatum: new DateOnly(2025, 4, 1),
            Einddatum: new DateOnly(2025, 12, 31),
            RedenWijziging: null,
            Omvang: new Omvang(4, Products[i % Products.Length].Eenheid == "83" ? "04" : Products[i % Products.Length].Eenheid, "2"),
            BudgetCents: null)).ToArray();
        var header = new MessageHeader(436, 3, 2, "0268", "12345678", "T2505000456", new DateOnly(2025, 3, 28), "1.0.0", "1.0.0");
        return MessageWriter.Write(new ToewijzingMessage(Standard.IJw, header, [new ToewijzingClient(FakeBsn(0), new DateOnly(2012, 7, 15), allocations)]));
    }

    /// <summary>Recognisably fake BSNs (999…) that pass the elfproef.</summary>
    private static Bsn FakeBsn(int n)
    {
        for (var candidate = 999_000_000 + n * 37; ; candidate++)
        {
            if (Bsn.TryCreate(candidate.ToString(System.Globalization.CultureInfo.InvariantCulture), out var bsn)) return bsn;
        }
    }
}
