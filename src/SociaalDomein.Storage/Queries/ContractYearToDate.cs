namespace SociaalDomein.Storage.Queries;

/// <summary>What a contract declared in a budget year so far, against its ceiling for all categories together.</summary>
/// <param name="DeclaredCents">Σ debit − Σ credit of the ledger lines of that year.</param>
/// <param name="CeilingCents">The ceiling for all categories; null when none is agreed.</param>
/// <param name="LastDagtekening">Dagtekening of the latest declaration with lines in this year; null without lines.</param>
public sealed record ContractYearToDate(
    string MunicipalityCode,
    string ProviderAgb,
    int Year,
    long DeclaredCents,
    long? CeilingCents,
    long LineCount,
    DateOnly? LastDagtekening);
