using SociaalDomein.Monitoring.Rules.AllocationChecks;

namespace SociaalDomein.Monitoring.Signals;

/// <summary>
/// Rule codes of line signals. Checks against the allocation use the iStandaarden retourcodes (<see cref="RuleCodes"/>:
/// 9338, 9384, 9307, 9308, 9339–9341, 9321, 9322, 9369, 8187, and our SD-STOP); the two ledger checks have no single
/// retourcode and are ours.
/// </summary>
public static class SignalRules
{
    /// <summary>The line's ReferentieNummer was already used by a line of another message of the same provider.</summary>
    public const string DuplicateReferentie = "SD-DUPLICATE-REFERENTIE";

    /// <summary>A credit line names a VorigReferentieNummer that is not a stored debit of the same provider.</summary>
    public const string CreditOfUnknownDebit = "SD-CREDIT-UNKNOWN-DEBIT";

    /// <summary>Rules decided by comparing a line with its allocation: re-judged whenever the allocation or its lines change.</summary>
    public static readonly IReadOnlySet<string> AllocationRules = new HashSet<string>
    {
        RuleCodes.NoAllocation, RuleCodes.AllocationDeleted, RuleCodes.OtherClient, RuleCodes.BeginsBeforeAllocation,
        RuleCodes.EndsAfterAllocation, RuleCodes.CategoryMismatch, RuleCodes.CodeMismatch, RuleCodes.UnitMismatch,
        RuleCodes.VolumeAbovePeriodAllocation, RuleCodes.VolumeAboveAllocation, RuleCodes.AmountAboveBudget, RuleCodes.AfterDefinitiveStop,
    };
}
