namespace SociaalDomein.Storage.Queries;

/// <summary>All that was declared under one contract for one budget year, summed from the ledger.</summary>
public sealed record ContractYearTotal(string MunicipalityCode, string ProviderAgb, int Year, long DeclaredCents);
