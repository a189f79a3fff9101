namespace SociaalDomein.Simulation.Region;

/// <summary>A municipality of a region with its share of the regional cost-split key.</summary>
/// <param name="CbsCode">CBS gemeentecode, 4 digits with leading zeros ("0268").</param>
/// <param name="CostShareBasisPoints">Share of shared regional costs in hundredths of a percent (57.57 % = 5757).</param>
/// <param name="JoinsEveryContract">False for a municipality that takes part in only some regional contracts.</param>
public sealed record Municipality(string CbsCode, string Name, int CostShareBasisPoints, bool JoinsEveryContract = true);
