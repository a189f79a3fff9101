namespace SociaalDomein.Storage.Queries;

/// <summary>What a contract declared in one product category in a budget year, and that category's own ceiling if any.</summary>
public sealed record ContractCategoryTotal(string ProductCategorie, long DeclaredCents, long? CeilingCents, long LineCount);
