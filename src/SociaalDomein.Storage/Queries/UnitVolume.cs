namespace SociaalDomein.Storage.Queries;

/// <summary>Declared volume in one unit (Eenheid code, e.g. 04 uur, 14 etmaal, 83 euro's in eurocent).</summary>
public sealed record UnitVolume(string Eenheid, long Volume);
