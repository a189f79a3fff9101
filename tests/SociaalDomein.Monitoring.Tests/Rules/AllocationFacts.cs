using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Rules.AllocationChecks;
using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Tests.Rules;

/// <summary>Allocations and declaration lines as the rules see them, for allocation 1001 of a youth-care client.</summary>
internal static class AllocationFacts
{
    /// <summary>4 uur per week of jeugdhulp ambulant (45A03) from Monday 5 January to Tuesday 31 March 2026: 13 calendar weeks, 52 hours.</summary>
    public static readonly AllocationSnapshot FourHoursAWeek = new(
        Standard.IJw, 1001, "45", "45A03", new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 31),
        Volume: 4, Eenheid: OmvangCodes.Uur, Frequentie: OmvangCodes.PerWeek, BudgetCents: null, ClientPseudonym: "client-a");

    public static DeclarationLineFacts Line(
        string begin, string end, long volume, string eenheid = OmvangCodes.Uur, long amountCents = 0,
        DebetCredit debetCredit = DebetCredit.Debet, string category = "45", string code = "45A03", long toewijzing = 1001,
        long? tariffCents = null, string? client = "client-a") =>
        new(toewijzing, category, code, new DatePeriod(DateOnly.Parse(begin), DateOnly.Parse(end)), volume, eenheid,
            amountCents, debetCredit, tariffCents, client);

    public static DeclarationLineFacts Month(int year, int month, long volume, string eenheid = OmvangCodes.Uur, long amountCents = 0,
        DebetCredit debetCredit = DebetCredit.Debet, long? tariffCents = null)
    {
        var m = new ServiceMonth(year, month);
        return Line($"{m.FirstDay:yyyy-MM-dd}", $"{m.LastDay:yyyy-MM-dd}", volume, eenheid, amountCents, debetCredit, tariffCents: tariffCents);
    }
}
