namespace SociaalDomein.Messages.Validation;

/// <summary>
/// Retourcodes of the standard (code list WJ001, release 3.2) that this system reports as a rule code, within a message
/// (<see cref="MessageRules"/>) or across messages (the grains). Verified against a transcription of WJ001 with its
/// TR rules; where the standard has no code for a rule we use our own SD- code (<see cref="Reading.RuleCodes"/>).
/// </summary>
public static class StandardRetourCodes
{
    /// <summary>0001: the message is rejected for technical reasons (as a whole).</summary>
    public const string TechnischAfgekeurd = "0001";

    /// <summary>0200: no remark on this class.</summary>
    public const string GeenOpmerking = "0200";

    /// <summary>0233: this class was not checked.</summary>
    public const string NietBeoordeeld = "0233";

    /// <summary>8001: the declaration is approved as a whole (325).</summary>
    public const string DeclaratieVolledigToegewezen = "8001";

    // ------------------------------------------------------------ within one message

    /// <summary>9346 (TR346): Eenheid is not 83, but IngediendBedrag ≠ GeleverdVolume × ProductTarief.</summary>
    public const string AmountNotVolumeTimesTariff = "9346";

    /// <summary>9319 (TR319): the ProductPeriode lies after the DeclaratiePeriode (care of the current or an earlier period only).</summary>
    public const string ProductPeriodOutsideDeclarationPeriod = "9319";

    /// <summary>8021 (TR314): the ReferentieNummer was delivered before (here: twice in the same message).</summary>
    public const string ReferenceAlreadyDelivered = "8021";

    // ------------------------------------------------------------ across messages (checked in the grains)

    /// <summary>9338 (TR338): the prestatie relates to no allocation by ToewijzingNummer.</summary>
    public const string NoMatchingAllocation = "9338";

    /// <summary>9307 (TR307): the prestatie starts outside the allocation's Ingangsdatum..Einddatum.</summary>
    public const string StartOutsideAllocation = "9307";

    /// <summary>9308 (TR308): the prestatie ends outside the allocation's Ingangsdatum..Einddatum.</summary>
    public const string EndOutsideAllocation = "9308";

    /// <summary>9339 (TR339): ProductCategorie differs from the allocation's.</summary>
    public const string CategoryDiffersFromAllocation = "9339";

    /// <summary>9340 (TR340): ProductCode differs from the allocation's.</summary>
    public const string ProductCodeDiffersFromAllocation = "9340";

    /// <summary>9341 (TR341): Eenheid does not fit the allocation's Eenheid.</summary>
    public const string UnitDiffersFromAllocation = "9341";

    /// <summary>9321 (TR321): the delivered volume exceeds the allocated volume.</summary>
    public const string VolumeExceedsAllocation = "9321";

    /// <summary>9322 (TR322): the sum of delivered volumes exceeds the allocated volume.</summary>
    public const string TotalVolumeExceedsAllocation = "9322";

    /// <summary>9369 (TR369): the prestaties do not fit within the allocated Budget.</summary>
    public const string ExceedsBudget = "9369";

    /// <summary>9384 (TR384): declared on an allocation with RedenWijziging 13 (deleted).</summary>
    public const string DeclaredOnDeletedAllocation = "9384";

    /// <summary>8017 (TR323): no debit is known for this credit.</summary>
    public const string CreditWithoutKnownDebit = "8017";

    /// <summary>9390 (TR390): a credit with this ProductReferentie exists already.</summary>
    public const string AlreadyCredited = "9390";

    /// <summary>9333 (TR333): the DeclaratieNummer is not unique.</summary>
    public const string DeclarationNumberNotUnique = "9333";

    /// <summary>0611 (TR418): the tariff differs from the contract tariff.</summary>
    public const string TariffDiffersFromContract = "0611";
}
