namespace SociaalDomein.Messages.Formats;

/// <summary>What a valid value looks like, completing "expected …" in an explanation.</summary>
internal static class CodeDescriptions
{
    public const string Municipality = "a 4-digit CBS municipality code with leading zeros, e.g. 0268";
    public const string Agb = "an 8-digit AGB code of the provider, e.g. 12345678";
    public const string ProductCategorie = "a 2-digit product category, e.g. 45";
    public const string ProductCode = "a 5-character product code of letters and digits, e.g. 45A03";
    public const string Eenheid = "a 2-digit unit code, e.g. 04 (hour)";
    public const string Frequentie = "a 1-digit frequency code, e.g. 2 (per week)";
    public const string RedenWijziging = "a 2-digit reason code, e.g. 13";
    public const string DeclaratieNummer = "1 to 12 letters and digits";
    public const string ToewijzingNummer = "a number from 0 to 999999999";
    public const string Cents = "a whole number of eurocents, 0 or more (e.g. 1250 for 12.50 euro)";
    public const string Volume = "a whole number, 0 or more";
    public const string BerichtCode = "a number of at most 3 digits, e.g. 490";
    public const string Versie = "a number of at most 2 digits";

    public const long MaxToewijzingNummer = 999_999_999;
}
