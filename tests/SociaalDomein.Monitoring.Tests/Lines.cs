using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Ledger;

namespace SociaalDomein.Monitoring.Tests;

/// <summary>Ledger lines for contract 0268:12345678 as the ingestion worker would build them.</summary>
internal static class Lines
{
    public static DeclarationLine Line(string referentie, long amountCents, string category = "45", int year = 2026, string message = "ijw:323:12345678:D-1") =>
        new(Standard.IJw, "0268", "12345678", referentie, null, "2026-05", message, new DateOnly(year, 6, 3), 1001, category, category + "A03",
            new DateOnly(year, 5, 1), new DateOnly(year, 5, 31), 1, "04", amountCents, amountCents, new string('a', 64), "istd.ijw", 0, 0);
}
