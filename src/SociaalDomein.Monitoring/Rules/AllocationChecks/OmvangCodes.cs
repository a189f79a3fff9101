namespace SociaalDomein.Monitoring.Rules.AllocationChecks;

/// <summary>The Eenheid (WJ756) and Frequentie codes of release 3.2 that the rules interpret.</summary>
public static class OmvangCodes
{
    public const string Minuut = "01";
    public const string Uur = "04";
    public const string Etmaal = "14";
    public const string Dagdeel = "16";
    public const string StuksOutput = "82";
    /// <summary>Euro's: the volume is in eurocent.</summary>
    public const string Euro = "83";
    public const string StuksInspanning = "84";

    public const string PerDag = "1";
    public const string PerWeek = "2";
    public const string PerMaand = "4";
    /// <summary>Totaal binnen geldigheidsduur: the volume is for the whole allocation period.</summary>
    public const string Totaal = "6";
}
