namespace SociaalDomein.Messages.Formats;

/// <summary>A release of the iStandaarden (2.x, 3.0, 3.2): BerichtVersie and BerichtSubversie in the header, "3_2" in the namespace.</summary>
internal readonly record struct Release(int Versie, int Subversie)
{
    public static readonly Release R3_0 = new(3, 0);
    public static readonly Release R3_2 = new(3, 2);

    /// <summary>The 2.x releases in which the legacy 303/304 were exchanged.</summary>
    public static readonly IReadOnlyList<Release> Legacy2x = [new(2, 0), new(2, 1), new(2, 2), new(2, 3), new(2, 4)];

    /// <summary>The 3.x releases this system reads for every current message type.</summary>
    public static readonly IReadOnlyList<Release> Current3x = [R3_0, R3_2];

    /// <summary>"3_2", as in http://www.istandaarden.nl/ijw/3_2/jw323/schema.</summary>
    public string NamespaceSegment => $"{Versie}_{Subversie}";

    /// <summary>Releases 2.x put the release once more after "schema" in the namespace.</summary>
    public bool HasNamespaceSuffix => Versie < 3;

    public override string ToString() => $"{Versie}.{Subversie}";
}
