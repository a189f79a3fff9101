using SociaalDomein.Messages.Model;

namespace SociaalDomein.Storage.Ledger;

/// <summary>Maps the <c>standard</c> column ("ijw", "iwmo": <see cref="StandardExtensions.Code"/>) back to <see cref="Standard"/>.</summary>
internal static class StandardColumn
{
    public static Standard Parse(string code) => code switch
    {
        "ijw" => Standard.IJw,
        "iwmo" => Standard.IWmo,
        _ => throw new InvalidOperationException($"Unknown standard code '{code}' in the database."),
    };
}
