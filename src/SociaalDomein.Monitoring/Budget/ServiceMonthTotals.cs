using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Budget;

/// <summary>Declared amounts of one contract per service month and product category (Σ debit − Σ credit, eurocent): what pacing and the forecast count in.</summary>
[GenerateSerializer]
public sealed class ServiceMonthTotals
{
    [Id(0)]
    public Dictionary<CategoryMonth, long> DeclaredCents { get; init; } = new();

    public void Add(ServiceMonth month, string productCategorie, long signedAmountCents)
    {
        var key = new CategoryMonth(productCategorie, month);
        DeclaredCents[key] = DeclaredCents.GetValueOrDefault(key) + signedAmountCents;
    }

    /// <summary>Declared for the service months 1..<paramref name="throughMonth"/> of a year, one category or (null) all.</summary>
    public long Declared(int year, string? productCategorie, int throughMonth) =>
        DeclaredCents.Where(kv => kv.Key.Month.Year == year && kv.Key.Month.Month <= throughMonth &&
                                  (productCategorie is null || kv.Key.ProductCategorie == productCategorie))
            .Sum(kv => kv.Value);

    /// <summary>Declared per service month of a year, one category or (null) all.</summary>
    public IReadOnlyDictionary<ServiceMonth, long> ByMonth(int year, string? productCategorie) =>
        DeclaredCents.Where(kv => kv.Key.Month.Year == year && (productCategorie is null || kv.Key.ProductCategorie == productCategorie))
            .GroupBy(kv => kv.Key.Month)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
}

[GenerateSerializer, Immutable]
public readonly record struct CategoryMonth([property: Id(0)] string ProductCategorie, [property: Id(1)] ServiceMonth Month);
