namespace SociaalDomein.Messages.Formats;

/// <summary>A release of the iStandaarden (3.0, 3.2): BerichtVersie and BerichtSubversie in the header, "3_2" in the namespace.</summary>
internal readonly record struct Release(int Versie, int Subversie)
{
    public static readonly Release R3_0 = new(3, 0);
    public static readonly Release R3_2 = new(3, 2);

    /// <summary>"3_2", as in http://www.istandaarden.nl/ijw/3_2/jw323/schema.</summary>
    public string NamespaceSegment => $"{Versie}_{Subversie}";

    public override string ToString() => $"{Versie}.{Subversie}";
}
