using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Ledger;
using SociaalDomein.Monitoring.Rules.AllocationChecks;

namespace SociaalDomein.Monitoring.Signals;

/// <summary>
/// Judges the ledger lines of allocations against their current versions, in ledger order, so that volume and budget
/// checks see exactly what was declared before each line. Derived from the ledger alone: judging the same lines again
/// gives the same signals, which is what makes re-checks after a crash or a late 301 safe.
/// </summary>
public static class AllocationCheck
{
    /// <param name="lines">All ledger lines of the allocations to judge, in sequence order.</param>
    /// <param name="currentVersion">The current version of an allocation number, or null when none was received.</param>
    public static IReadOnlyList<LineSignal> Judge(IEnumerable<DeclarationLine> lines, Func<long, AllocationVersion?> currentVersion)
    {
        var signals = new List<LineSignal>();
        foreach (var allocationLines in lines.GroupBy(l => l.ToewijzingNummer))
        {
            var version = currentVersion(allocationLines.Key);
            var snapshot = version is null ? null : AllocationSnapshot.From(version);
            var usage = new AllocationUsage();
            foreach (var line in allocationLines)
            {
                var facts = DeclarationLineFacts.From(line);
                foreach (var finding in DeclarationLineCheck.Check(snapshot, facts, usage))
                {
                    signals.Add(new LineSignal(line.Standard, line.MunicipalityCode, line.ProviderAgb, line.ReferentieNummer,
                        line.ToewijzingNummer, finding.RuleCode, $"Line {line.ReferentieNummer}: {finding.Description}", line.MessageId));
                }
                usage.Record(facts);
            }
        }
        return signals;
    }
}
