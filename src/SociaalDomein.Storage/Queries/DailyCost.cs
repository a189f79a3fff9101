namespace SociaalDomein.Storage.Queries;

/// <summary>Declared cost of one day (the declarations' Dagtekening) for one contract, product category and standard.</summary>
/// <param name="Standard">"ijw" or "iwmo".</param>
/// <param name="AmountCents">Credits included, so it can be negative.</param>
public sealed record DailyCost(
    DateOnly Date,
    string MunicipalityCode,
    string ProviderAgb,
    string ProductCategorie,
    string Standard,
    long AmountCents,
    int LineCount);
