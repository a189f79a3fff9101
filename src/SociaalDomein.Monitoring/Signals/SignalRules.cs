namespace SociaalDomein.Monitoring.Signals;

/// <summary>
/// Rule codes of line signals. Where the iStandaarden define a retourcode for the same finding it is used (9338);
/// the others are ours (SD-...), as the standard has no single code for them.
/// </summary>
public static class SignalRules
{
    /// <summary>The line names an allocation the municipality has not (yet) sent; resolved when it arrives.</summary>
    public const string NoAllocation = "9338";

    /// <summary>The allocation the line names was deleted (RedenWijziging 13).</summary>
    public const string AllocationDeleted = "SD-ALLOCATION-DELETED";

    /// <summary>The line's ProductPeriode lies (partly) outside the allocation's Ingangsdatum..Einddatum.</summary>
    public const string OutsideAllocationPeriod = "SD-OUTSIDE-PERIOD";

    /// <summary>The line's product category or code differs from the allocation's.</summary>
    public const string ProductMismatch = "SD-PRODUCT-MISMATCH";

    /// <summary>The line's ReferentieNummer was already used by a line of another message of the same provider.</summary>
    public const string DuplicateReferentie = "SD-DUPLICATE-REFERENTIE";

    /// <summary>A credit line names a VorigReferentieNummer that is not a stored debit of the same provider.</summary>
    public const string CreditOfUnknownDebit = "SD-CREDIT-UNKNOWN-DEBIT";

    /// <summary>Rules decided by comparing a line with its allocation: re-checked whenever the allocation changes.</summary>
    public static readonly IReadOnlySet<string> AllocationRules =
        new HashSet<string> { NoAllocation, AllocationDeleted, OutsideAllocationPeriod, ProductMismatch };
}
