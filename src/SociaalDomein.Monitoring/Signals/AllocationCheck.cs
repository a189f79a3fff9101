using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Ledger;

namespace SociaalDomein.Monitoring.Signals;

/// <summary>
/// Checks a declaration line against the current version of the allocation it names: is there one, is it alive, does
/// the product match, does the period fit. Pure: the same line and allocation always give the same signals.
/// </summary>
public static class AllocationCheck
{
    public static IReadOnlyList<LineSignal> Check(DeclarationLine line, AllocationVersion? allocation)
    {
        var signals = new List<LineSignal>();
        void Add(string rule, string explanation) => signals.Add(new LineSignal(line.Standard, line.MunicipalityCode, line.ProviderAgb,
            line.ReferentieNummer, line.ToewijzingNummer, rule, explanation, line.MessageId));

        if (allocation is null)
        {
            Add(SignalRules.NoAllocation, $"Line {line.ReferentieNummer} is declared against allocation {line.ToewijzingNummer}, " +
                                          $"which municipality {line.MunicipalityCode} has not sent to provider {line.ProviderAgb}.");
            return signals;
        }
        if (allocation.Deleted)
        {
            Add(SignalRules.AllocationDeleted, $"Line {line.ReferentieNummer} is declared against allocation {line.ToewijzingNummer}, " +
                                               "which the municipality deleted (RedenWijziging 13).");
            return signals;
        }
        if (allocation.ProductCategorie is { } category && category != line.ProductCategorie
            || allocation.ProductCode is { } code && code != line.ProductCode)
        {
            Add(SignalRules.ProductMismatch, $"Line {line.ReferentieNummer} declares product {line.ProductCategorie}/{line.ProductCode}, " +
                                             $"but allocation {line.ToewijzingNummer} is for {allocation.ProductCategorie ?? "any category"}/" +
                                             $"{allocation.ProductCode ?? "any code"}.");
        }
        if (line.PeriodBegin < allocation.Ingangsdatum || allocation.Einddatum is { } end && line.PeriodEnd > end)
        {
            Add(SignalRules.OutsideAllocationPeriod, $"Line {line.ReferentieNummer} covers {line.PeriodBegin:yyyy-MM-dd}..{line.PeriodEnd:yyyy-MM-dd}, " +
                                                     $"outside allocation {line.ToewijzingNummer}'s period {allocation.Ingangsdatum:yyyy-MM-dd}.." +
                                                     $"{(allocation.Einddatum is { } e ? e.ToString("yyyy-MM-dd") : "open")}.");
        }
        return signals;
    }
}
