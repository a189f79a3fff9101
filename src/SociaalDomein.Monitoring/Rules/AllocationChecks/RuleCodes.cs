namespace SociaalDomein.Monitoring.Rules.AllocationChecks;

/// <summary>
/// Rule codes of the findings on a declaration line. Numeric codes are the standard's own retourcodes (iJw/iWmo 3.2,
/// codelijst WJ001, with the technical rule TRnnn behind each); codes starting with "SD-" are this system's own,
/// for rules the standard has no retourcode for.
/// </summary>
public static class RuleCodes
{
    /// <summary>TR338: the line is not related to an allocation by its ToewijzingNummer.</summary>
    public const string NoAllocation = "9338";

    /// <summary>TR384: declared on an allocation with RedenWijziging 13 (deleted).</summary>
    public const string AllocationDeleted = "9384";

    /// <summary>TR304: the line belongs to another client than the allocation.</summary>
    public const string OtherClient = "8187";

    /// <summary>TR307: ProductPeriode begins before the allocation's Ingangsdatum.</summary>
    public const string BeginsBeforeAllocation = "9307";

    /// <summary>TR308: ProductPeriode ends after the allocation's Einddatum.</summary>
    public const string EndsAfterAllocation = "9308";

    /// <summary>TR339: ProductCategorie differs from the allocation's.</summary>
    public const string CategoryMismatch = "9339";

    /// <summary>TR340: ProductCode differs from the allocation's.</summary>
    public const string CodeMismatch = "9340";

    /// <summary>TR341: Eenheid does not fit the allocation's (only hours may be declared in minutes).</summary>
    public const string UnitMismatch = "9341";

    /// <summary>TR321: the volume of the period exceeds what the allocation allows for that period.</summary>
    public const string VolumeAbovePeriodAllocation = "9321";

    /// <summary>TR322: the sum of all volumes exceeds the volume over the allocation's whole period.</summary>
    public const string VolumeAboveAllocation = "9322";

    /// <summary>TR369: the sum declared exceeds the allocation's Budget.</summary>
    public const string AmountAboveBudget = "9369";

    /// <summary>Own rule: care declared for a period that begins after the provider reported a definitive stop (307).</summary>
    public const string AfterDefinitiveStop = "SD-STOP";

    /// <summary>True for the codes that say a line has no usable allocation (the DeclarationWithoutAllocation signal).</summary>
    public static bool IsWithoutAllocation(string code) => code is NoAllocation or AllocationDeleted;

    /// <summary>True for the codes that say more was declared than allocated (the OverDeclaration signal).</summary>
    public static bool IsOverDeclaration(string code) => code is VolumeAbovePeriodAllocation or VolumeAboveAllocation or AmountAboveBudget;
}
