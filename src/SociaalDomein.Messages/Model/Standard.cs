namespace SociaalDomein.Messages.Model;

/// <summary>The iStandaard a message belongs to: iJw (Jeugdwet, youth care) or iWmo (Wmo 2015, social support).</summary>
public enum Standard
{
    IJw,
    IWmo,
}

public static class StandardExtensions
{
    /// <summary>The short code used in keys, topics and storage ("ijw", "iwmo").</summary>
    public static string Code(this Standard standard) => standard switch
    {
        Standard.IJw => "ijw",
        Standard.IWmo => "iwmo",
        _ => throw new ArgumentOutOfRangeException(nameof(standard), standard, "unknown standard"),
    };
}
