namespace SociaalDomein.Simulation.Planning;

/// <summary>What a provider declares for one allocation in one month.</summary>
/// <param name="Begin">ProductPeriode begin: within the month and the allocation.</param>
/// <param name="Volume">GeleverdVolume as first declared.</param>
/// <param name="CorrectedVolume">When the line is corrected next month: the volume of the new debit after the credit.</param>
internal readonly record struct Delivery(DateOnly Begin, DateOnly End, long Volume, long? CorrectedVolume)
{
    /// <summary>The volume that stands after any correction.</summary>
    public long FinalVolume => CorrectedVolume ?? Volume;
}
