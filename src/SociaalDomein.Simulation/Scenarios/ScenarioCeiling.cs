using System.Globalization;

namespace SociaalDomein.Simulation.Scenarios;

/// <summary>A budget ceiling (budgetplafond) of a contract for a year, for all product categories or for one.</summary>
/// <param name="ProductCategorie">null: the ceiling covers all categories of the contract together.</param>
public sealed record ScenarioCeiling(string MunicipalityCode, string ProviderAgb, int Year, long CeilingCents, string? ProductCategorie = null)
{
    public const string CsvHeader = "municipality,provider,year,ceiling_eur,category";

    /// <summary>Writes <see cref="CsvHeader"/> and one row per ceiling: euros with two decimals, invariant culture, empty category for all.</summary>
    public static void WriteCsv(IEnumerable<ScenarioCeiling> ceilings, TextWriter writer)
    {
        writer.Write(CsvHeader);
        writer.Write('\n');
        foreach (var c in ceilings)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{c.MunicipalityCode},{c.ProviderAgb},{c.Year},{FormatEuros(c.CeilingCents)},{c.ProductCategorie}"));
            writer.Write('\n');
        }
    }

    /// <summary>Exact: from whole cents, no floating point ("1234567.05").</summary>
    internal static string FormatEuros(long cents)
    {
        var sign = cents < 0 ? "-" : "";
        var abs = Math.Abs(cents);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / 100}.{abs % 100:D2}");
    }
}
