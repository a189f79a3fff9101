using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Rules.AllocationChecks;

/// <summary>What the allocation check needs of one declaration line (prestatie).</summary>
/// <param name="AmountCents">IngediendBedrag, unsigned; the sign is <paramref name="DebetCredit"/>.</param>
/// <param name="TariffCents">ProductTarief per <paramref name="Eenheid"/>; null with Eenheid 83.</param>
[GenerateSerializer, Immutable]
public sealed record DeclarationLineFacts(
    [property: Id(0)] long ToewijzingNummer,
    [property: Id(1)] string ProductCategorie,
    [property: Id(2)] string ProductCode,
    [property: Id(3)] DatePeriod ProductPeriode,
    [property: Id(4)] long GeleverdVolume,
    [property: Id(5)] string Eenheid,
    [property: Id(6)] long AmountCents,
    [property: Id(7)] DebetCredit DebetCredit,
    [property: Id(8)] long? TariffCents = null,
    [property: Id(9)] string? ClientPseudonym = null)
{
    public bool IsCredit => DebetCredit == DebetCredit.Credit;

    /// <summary>+1 for a debit, −1 for a credit: a credit takes back what its debit added.</summary>
    public int Sign => IsCredit ? -1 : 1;

    /// <summary>The month the line is counted in: the month its ProductPeriode begins (a ProductPeriode lies within one month).</summary>
    public ServiceMonth ServiceMonth => ServiceMonth.Of(ProductPeriode.Begin);

    /// <summary>
    /// The check's view of a ledger line. A line is a credit when its amount is negative or it names the debit it
    /// cancels (VorigReferentieNummer), so that a credit of € 0 still takes its volume back.
    /// </summary>
    public static DeclarationLineFacts From(DeclarationLine line) =>
        new(line.ToewijzingNummer, line.ProductCategorie, line.ProductCode, new DatePeriod(line.PeriodBegin, line.PeriodEnd),
            line.GeleverdVolume, line.Eenheid, Math.Abs(line.AmountCents),
            line.AmountCents < 0 || line.VorigReferentieNummer is not null ? DebetCredit.Credit : DebetCredit.Debet,
            line.TariffCents, line.ClientPseudonym);
}
