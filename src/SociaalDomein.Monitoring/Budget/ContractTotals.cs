namespace SociaalDomein.Monitoring.Budget;

/// <summary>Declared amounts of one contract per budget year and product category (Σ debit − Σ credit, eurocent).</summary>
[GenerateSerializer]
public sealed class ContractTotals
{
    [Id(0)]
    public Dictionary<YearCategory, long> DeclaredCents { get; init; } = new();

    public void Add(int year, string productCategorie, long signedAmountCents)
    {
        var key = new YearCategory(year, productCategorie);
        DeclaredCents[key] = DeclaredCents.GetValueOrDefault(key) + signedAmountCents;
    }

    /// <summary>The declared total of a year, for one category or (null) all categories together.</summary>
    public long Declared(int year, string? productCategorie) =>
        DeclaredCents.Where(kv => kv.Key.Year == year && (productCategorie is null || kv.Key.ProductCategorie == productCategorie))
            .Sum(kv => kv.Value);

    public IEnumerable<int> Years => DeclaredCents.Keys.Select(k => k.Year).Distinct().Order();
}
