namespace SociaalDomein.Monitoring.Rules.AllocationChecks;

/// <summary>
/// Which declared units count against an allocated unit, and in which unit they are compared (TR341: the same unit,
/// or minutes against an allocation in hours).
/// </summary>
public readonly record struct VolumeUnits(string CompareUnit, long AllocationFactor)
{
    /// <summary>The comparison for an allocation in <paramref name="allocationEenheid"/>: minutes for hours, the unit itself otherwise.</summary>
    public static VolumeUnits For(string allocationEenheid) =>
        allocationEenheid == OmvangCodes.Uur ? new(OmvangCodes.Minuut, 60) : new(allocationEenheid, 1);

    /// <summary>The factor that turns a declared volume in <paramref name="lineEenheid"/> into the compare unit; null when it does not fit.</summary>
    public long? LineFactor(string lineEenheid)
    {
        if (lineEenheid == CompareUnit) return 1;
        if (CompareUnit == OmvangCodes.Minuut && AllocationFactor == 60 && lineEenheid == OmvangCodes.Uur) return 60;
        return null;
    }
}
