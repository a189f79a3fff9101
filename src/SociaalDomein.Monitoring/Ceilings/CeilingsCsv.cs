using System.Globalization;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Monitoring.Ceilings;

/// <summary>
/// Reads budget ceilings from CSV: header <c>municipality,provider,year,ceiling_eur</c> with an optional further column
/// <c>category</c> (empty = all categories). Amounts are euros with at most two decimals, dot as decimal separator.
/// </summary>
public static class CeilingsCsv
{
    private static readonly string[] RequiredColumns = ["municipality", "provider", "year", "ceiling_eur"];

    /// <exception cref="FormatException">Names the source, line, column and rule of the first problem.</exception>
    public static IReadOnlyList<BudgetCeiling> Parse(TextReader reader, string source)
    {
        var header = reader.ReadLine() ?? throw new FormatException($"{source}: the file is empty; expected the header {string.Join(",", RequiredColumns)}.");
        var columns = header.Split(',').Select(c => c.Trim().ToLowerInvariant()).ToArray();
        var index = new Dictionary<string, int>();
        for (var i = 0; i < columns.Length; i++) index[columns[i]] = i;
        foreach (var required in RequiredColumns)
        {
            if (!index.ContainsKey(required))
                throw new FormatException($"{source}, line 1: column '{required}' is missing; the header must be {string.Join(",", RequiredColumns)}[,category].");
        }
        var categoryColumn = index.TryGetValue("category", out var c) ? c : -1;

        var ceilings = new List<BudgetCeiling>();
        var seen = new HashSet<(ContractKey, int, string?)>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            string Field(string name)
            {
                var i = index[name];
                return i < fields.Length ? fields[i] : "";
            }
            FormatException Error(string column, string rule) => new($"{source}, line {lineNumber}, column '{column}': {rule}");

            var municipality = Field("municipality");
            if (municipality.Length != 4 || !municipality.All(char.IsAsciiDigit))
                throw Error("municipality", $"'{municipality}' is not a 4-digit CBS municipality code (keep leading zeros, e.g. 0268).");
            var provider = Field("provider");
            if (provider.Length != 8 || !provider.All(char.IsAsciiDigit))
                throw Error("provider", $"'{provider}' is not an 8-digit AGB code.");
            if (!int.TryParse(Field("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2015 or > 2100)
                throw Error("year", $"'{Field("year")}' is not a year between 2015 and 2100.");
            var cents = ParseEuroCents(Field("ceiling_eur")) ?? throw Error("ceiling_eur",
                $"'{Field("ceiling_eur")}' is not an amount in euros with at most two decimals and a dot as separator (e.g. 1250000.00).");
            if (cents <= 0) throw Error("ceiling_eur", "a ceiling must be more than zero.");
            string? category = null;
            if (categoryColumn >= 0 && categoryColumn < fields.Length && fields[categoryColumn].Length > 0)
            {
                category = fields[categoryColumn];
                if (category.Length != 2 || !category.All(char.IsAsciiDigit))
                    throw Error("category", $"'{category}' is not a 2-digit product category (e.g. 45).");
            }
            var contract = new ContractKey(municipality, provider);
            if (!seen.Add((contract, year, category)))
                throw Error("provider", $"a second ceiling for {contract}, {year}, {(category is null ? "all categories" : "category " + category)}; each may appear once.");
            ceilings.Add(new BudgetCeiling(contract, year, category, cents));
        }
        return ceilings;
    }

    public static IReadOnlyList<BudgetCeiling> ParseFile(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Exact conversion of "1250000", "1250000.5" or "1250000.50" to cents; null when not such a number.</summary>
    public static long? ParseEuroCents(string text)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros)) return null;
        var cents = euros * 100;
        if (cents != decimal.Truncate(cents) || cents > long.MaxValue) return null;
        return (long)cents;
    }
}
