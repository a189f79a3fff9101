namespace SociaalDomein.Monitoring.Ceilings;

/// <summary>Region-wide ceilings, and the declared totals per municipality they are held against.</summary>
public interface IRegionalCeilingStore
{
    Task<IReadOnlyList<RegionalBudgetCeiling>> GetForProviderAsync(string providerAgb, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RegionalBudgetCeiling>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the ceiling for (region, provider, year, category).</summary>
    Task UpsertAsync(RegionalBudgetCeiling ceiling, CancellationToken cancellationToken = default);

    /// <summary>Net declared eurocent per municipality at the provider for a budget year, one category or (null) all.</summary>
    Task<IReadOnlyDictionary<string, long>> GetDeclaredByMunicipalityAsync(string providerAgb, int year, string? productCategorie,
        CancellationToken cancellationToken = default);
}
