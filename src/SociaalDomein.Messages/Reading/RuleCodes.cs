namespace SociaalDomein.Messages.Reading;

/// <summary>
/// Our own rule codes for <see cref="ValidationError.Rule"/>: structure and format failures found while reading,
/// before any iStandaarden business rule (retourcode) applies.
/// </summary>
public static class RuleCodes
{
    /// <summary>Not well-formed XML, or forbidden XML features (DTD, entities).</summary>
    public const string Xml = "SD-XML";

    /// <summary>Input larger than the standard's 25 MB, nested too deeply or with too many elements.</summary>
    public const string Size = "SD-SIZE";

    /// <summary>The namespace, root element or BerichtCode names no message type we read, or they disagree.</summary>
    public const string UnknownMessage = "SD-UNKNOWN-MESSAGE";

    /// <summary>BerichtVersie/BerichtSubversie disagree with the release in the namespace.</summary>
    public const string Version = "SD-VERSION";

    /// <summary>A required element is missing.</summary>
    public const string Required = "SD-REQUIRED";

    /// <summary>An element that does not belong there, appears twice, or is out of the standard's order; or stray text.</summary>
    public const string Structure = "SD-STRUCTURE";

    /// <summary>An element with the right name in the wrong namespace (message namespace vs. basisschema).</summary>
    public const string Namespace = "SD-NAMESPACE";

    /// <summary>A value that is not a valid date, time or whole number, or is out of range.</summary>
    public const string Type = "SD-TYPE";

    /// <summary>A text value that is empty or too long.</summary>
    public const string Length = "SD-LENGTH";

    /// <summary>A code with the wrong format (municipality 4 digits, AGB 8 digits, D/C, product code, ...).</summary>
    public const string Code = "SD-CODE";

    /// <summary>A BSN that is not 9 digits or fails the elfproef.</summary>
    public const string Bsn = "SD-BSN";

    /// <summary>Two elements that exclude each other are both present (301: Omvang and Budget).</summary>
    public const string Exclusive = "SD-EXCLUSIVE";
}
