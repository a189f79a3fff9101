using SociaalDomein.Host.Pipeline;

namespace SociaalDomein.Fault.Tests.Infrastructure;

/// <summary>
/// What must be identical when records were processed in another order than published: everything but the alerts'
/// history. During a rebalance two workers may briefly apply records of one partition out of order (at least once, the
/// ledger dedupes), so a forecast or threshold can be raised and resolved in between, and an open alert's last reported
/// figures can have been taken at another point; the totals, daily rows, signals and which alerts hold at the end cannot differ.
/// </summary>
public static class FinalState
{
    public static string Of(PipelineReport report) => (report with
    {
        Alerts = report.Alerts.Where(a => a.Status == "open")
            .Select(a => a with { DeclaredCents = 0, Revision = null, Figures = null, Description = null })
            .ToList(),
        AlertKinds = report.AlertKinds?.Select(k => k with { Resolved = 0 }).ToList(),
    }).ToJson();
}
