namespace SociaalDomein.Storage.Queries;

/// <summary>
/// What was received on one Dutch calendar day for one contract, product category and standard, with the year to
/// date up to and including that day (from 1 January of the day's year).
/// </summary>
/// <param name="Day">The day the declaration messages were received (Europe/Amsterdam), not their Dagtekening.</param>
/// <param name="AmountCents">Credits included, so it can be negative.</param>
/// <param name="ClientCount">Distinct clients (pseudonyms) with a line that day; distinct counts do not add up over days.</param>
/// <param name="YtdClientCount">Distinct clients from 1 January up to and including the day: a client counts once.</param>
/// <param name="ServiceMonths">The day's amount by month of the ProductPeriode, by month.</param>
/// <param name="Volumes">Declared volume per unit (eenheid), credits subtracted, by unit.</param>
public sealed record DailyInsight(
    DateOnly Day,
    string MunicipalityCode,
    string ProviderAgb,
    string ProductCategorie,
    string Standard,
    long AmountCents,
    long LineCount,
    long ClientCount,
    long YtdAmountCents,
    long YtdLineCount,
    long YtdClientCount,
    IReadOnlyList<ServiceMonthAmount> ServiceMonths,
    IReadOnlyList<UnitVolume> Volumes);
