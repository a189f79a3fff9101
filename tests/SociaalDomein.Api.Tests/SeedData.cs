using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ledger;

namespace SociaalDomein.Api.Tests;

/// <summary>
/// The region the API tests look at, budget year 2026 (amounts in eurocents):
/// <list type="table">
/// <item>0268 Nijmegen × 11111111: ceiling 1 000 000, declared 750 000 (75 %: one alert, amber)</item>
/// <item>0268 Nijmegen × 22222222: ceiling 2 000 000, declared 400 000 (20 %, green), of which 100 000 in category 43 with its own ceiling 150 000</item>
/// <item>0268 Nijmegen × 44444444: no ceiling, declared 123 456</item>
/// <item>1945 Berg en Dal × 11111111: ceiling 500 000, declared 550 000 (110 %: alerts at 75, 90, 100; red)</item>
/// <item>0202 Arnhem × 33333333: ceiling 1 000 000, declared 800 000 (80 %: one alert) — outside the Nijmegen contract manager's scope</item>
/// <item>0344 Utrecht × 66666666: ceiling 1 000 000, declared 600 000 — the ceiling-change tests lower this ceiling</item>
/// <item>0344 Utrecht × 55555555: ceiling 300 000, nothing declared yet</item>
/// </list>
/// Region-wide ceilings (<see cref="RegionalCeilings"/>), both below every threshold so they raise no alert:
/// <list type="table">
/// <item>RegioNijmegen × 11111111: 2 000 000 for 0268 and 1945, declared 750 000 + 550 000 (65 %)</item>
/// <item>RegioNijmegen × 22222222, category 43: 1 000 000 for 0268, declared 100 000 (10 %)</item>
/// </list>
/// </summary>
public static class SeedData
{
    public const int Year = 2026;
    public const string Pseudonym = "5b1d3c9e0f2a4b6c8d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e";

    public static readonly ContractKey NijmegenA = new("0268", "11111111");
    public static readonly ContractKey NijmegenB = new("0268", "22222222");
    public static readonly ContractKey NijmegenNoCeiling = new("0268", "44444444");
    public static readonly ContractKey BergEnDalA = new("1945", "11111111");
    public static readonly ContractKey Arnhem = new("0202", "33333333");
    public static readonly ContractKey UtrechtChanging = new("0344", "66666666");
    public static readonly ContractKey UtrechtEmpty = new("0344", "55555555");

    public static IReadOnlyList<(ContractKey Contract, string? Category, long CeilingCents)> Ceilings { get; } =
    [
        (NijmegenA, null, 1_000_000),
        (NijmegenB, null, 2_000_000),
        (NijmegenB, "43", 150_000),
        (BergEnDalA, null, 500_000),
        (Arnhem, null, 1_000_000),
        (UtrechtChanging, null, 1_000_000),
        (UtrechtEmpty, null, 300_000),
    ];

    public const string Region = "RegioNijmegen";

    public static IReadOnlyList<RegionalBudgetCeiling> RegionalCeilings { get; } =
    [
        new(Region, "11111111", Year, null, 2_000_000, ["0268", "1945"]),
        new(Region, "22222222", Year, "43", 1_000_000, ["0268"]),
    ];

    /// <summary>Declarations per contract: each inner list is one message (one grain call).</summary>
    public static IReadOnlyList<(ContractKey Contract, IReadOnlyList<DeclarationLine> Message)> Declarations { get; } = Build();

    /// <summary>Dead-lettered records: (offset, reason, rule, element).</summary>
    public static IReadOnlyList<(long Offset, string Reason, string Rule, string Element)> DeadLetters { get; } =
    [
        (900, "The BSN fails the elfproef.", "bsn-elfproef", "Client/Bsn"),
        (901, "The BSN fails the elfproef.", "bsn-elfproef", "Client/Bsn"),
        (902, "Element Prestatie/ProductPeriode/Begindatum is missing.", "xsd", "Prestatie/ProductPeriode"),
    ];

    private static List<(ContractKey, IReadOnlyList<DeclarationLine>)> Build()
    {
        var messages = new List<(ContractKey, IReadOnlyList<DeclarationLine>)>();
        var offset = 0L;
        void Message(ContractKey contract, DateOnly dagtekening, params (string Reference, long Cents, string Category, string? Previous)[] lines)
        {
            var messageId = $"ijw:323:{contract.ProviderAgb}:D-{contract.MunicipalityCode}-{dagtekening:yyyyMMdd}";
            var sourceOffset = offset++;
            messages.Add((contract, lines.Select(l => new DeclarationLine(
                Standard.IJw, contract.MunicipalityCode, contract.ProviderAgb, l.Reference, l.Previous,
                $"D-{contract.MunicipalityCode}-{dagtekening:yyyyMMdd}", messageId, dagtekening, 4_000_001, l.Category, l.Category + "A03",
                new DateOnly(Year, dagtekening.Month > 1 ? dagtekening.Month - 1 : 1, 1), new DateOnly(Year, dagtekening.Month > 1 ? dagtekening.Month - 1 : 1, 28),
                10, "04", Math.Abs(l.Cents) / 10, l.Cents, Pseudonym, "istd.ijw", 0, sourceOffset)).ToList()));
        }

        Message(NijmegenA, new DateOnly(Year, 3, 5), ("A-1", 500_000, "45", null));
        Message(NijmegenA, new DateOnly(Year, 4, 3), ("A-2", 300_000, "45", null), ("A-3", -50_000, "45", "A-1"));
        Message(NijmegenB, new DateOnly(Year, 3, 5), ("B-1", 300_000, "45", null), ("B-2", 100_000, "43", null));
        Message(NijmegenNoCeiling, new DateOnly(Year, 4, 3), ("N-1", 123_456, "45", null));
        Message(BergEnDalA, new DateOnly(Year, 3, 6), ("C-1", 550_000, "45", null));
        Message(Arnhem, new DateOnly(Year, 3, 5), ("D-1", 800_000, "45", null));
        Message(UtrechtChanging, new DateOnly(Year, 5, 4), ("G-1", 600_000, "45", null));
        return messages;
    }
}
