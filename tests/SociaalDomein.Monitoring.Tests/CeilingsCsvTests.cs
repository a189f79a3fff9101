using SociaalDomein.Monitoring.Ceilings;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Monitoring.Tests;

public sealed class CeilingsCsvTests
{
    private static IReadOnlyList<BudgetCeiling> Parse(string csv) => CeilingsCsv.Parse(new StringReader(csv), "ceilings.csv");

    [Fact]
    public void Reads_ceilings_in_exact_cents_with_and_without_a_category()
    {
        var ceilings = Parse("municipality,provider,year,ceiling_eur,category\n0268,12345678,2026,1250000.50,\n0209,12345678,2026,80000,45\n");

        Assert.Equal(
        [
            new BudgetCeiling(new ContractKey("0268", "12345678"), 2026, null, 125_000_050),
            new BudgetCeiling(new ContractKey("0209", "12345678"), 2026, "45", 8_000_000),
        ], ceilings);
    }

    [Theory]
    [InlineData("municipality,provider,year\n", "line 1: column 'ceiling_eur' is missing")]
    [InlineData("municipality,provider,year,ceiling_eur\n268,12345678,2026,1\n", "line 2, column 'municipality'")]
    [InlineData("municipality,provider,year,ceiling_eur\n0268,1234567,2026,1\n", "line 2, column 'provider'")]
    [InlineData("municipality,provider,year,ceiling_eur\n0268,12345678,26,1\n", "line 2, column 'year'")]
    [InlineData("municipality,provider,year,ceiling_eur\n0268,12345678,2026,1.001\n", "at most two decimals")]
    [InlineData("municipality,provider,year,ceiling_eur\n0268,12345678,2026,\"1,5\"\n", "line 2, column 'ceiling_eur'")]
    [InlineData("municipality,provider,year,ceiling_eur\n0268,12345678,2026,0\n", "more than zero")]
    [InlineData("municipality,provider,year,ceiling_eur\n0268,12345678,2026,1\n0268,12345678,2026,2\n", "line 3")]
    public void Refuses_a_bad_row_naming_file_line_column_and_rule(string csv, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Parse(csv));
        Assert.StartsWith("ceilings.csv", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
