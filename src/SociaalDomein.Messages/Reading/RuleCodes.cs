namespace SociaalDomein.Messages.Reading;

/// <summary>
/// Our own rule codes, where the standard has no retourcode: structure and format failures found while reading (level 1,
/// <see cref="ValidationError.Rule"/>) and rules within a valid message (level 2, <see cref="Validation.LineFinding.Rule"/>).
/// Level-2 rules that do have a retourcode use it (<see cref="Validation.StandardRetourCodes"/>).
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

    // ---------------------------------------------------------------- level 2: rules within a valid message

    /// <summary>Two elements that exclude each other are both present (Omvang and Budget in a 301, 315 or 317).</summary>
    public const string Exclusive = "SD-EXCLUSIVE";

    /// <summary>TotaalIngediendBedrag is not Σ debit − Σ credit of the prestaties.</summary>
    public const string Total = "SD-TOTAL";

    /// <summary>The DeclaratiePeriode is not exactly one calendar month.</summary>
    public const string Period = "SD-PERIOD";

    /// <summary>A ProductPeriode ends before it begins, or spans more than one calendar month.</summary>
    public const string ProductPeriod = "SD-PRODUCT-PERIOD";

    /// <summary>ProductTarief is missing while Eenheid is not 83, or present while Eenheid is 83 (euro's).</summary>
    public const string Tariff = "SD-TARIFF";

    /// <summary>Eenheid is 83 (euro's), but IngediendBedrag is not equal to GeleverdVolume.</summary>
    public const string AmountInEuros = "SD-AMOUNT-83";

    /// <summary>A credit prestatie without VorigReferentieNummer: it does not say which debit it cancels.</summary>
    public const string CreditWithoutReference = "SD-CREDIT";

    /// <summary>An end date before its start date (allocation, stop, request).</summary>
    public const string Dates = "SD-DATES";

    /// <summary>A 325 that says the declaration is fully approved (8001) but lists rejected prestaties.</summary>
    public const string Answer = "SD-ANSWER";
}
