namespace SociaalDomein.Monitoring.Contracts;

/// <summary>A contract between one municipality and one provider: the unit budget ceilings are agreed on.</summary>
/// <param name="MunicipalityCode">CBS code, 4 digits with leading zeros ("0268").</param>
/// <param name="ProviderAgb">AGB code, 8 digits.</param>
[GenerateSerializer, Immutable]
public readonly record struct ContractKey(
    [property: Id(0)] string MunicipalityCode,
    [property: Id(1)] string ProviderAgb)
{
    /// <summary>The grain key, "0268:12345678".</summary>
    public override string ToString() => $"{MunicipalityCode}:{ProviderAgb}";

    public static ContractKey Parse(string key)
    {
        var parts = key.Split(':');
        if (parts.Length != 2 || parts[0].Length != 4 || parts[1].Length != 8)
            throw new FormatException($"'{key}' is not a contract key of the form MMMM:PPPPPPPP (municipality code : AGB code).");
        return new ContractKey(parts[0], parts[1]);
    }
}
