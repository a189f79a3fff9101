using SociaalDomein.Monitoring.Rules.Calendar;
using SociaalDomein.Monitoring.Rules.Forecasting;

namespace SociaalDomein.Monitoring.Rules.AllocationChecks;

/// <summary>
/// What has been declared against one allocation so far (debits minus credits), per service month: the state the
/// volume and budget checks need. Its size is bounded by the months declared × the units declared in (in practice one
/// or two), a few dozen entries over a multi-year allocation. It does not depend on the allocation version, so a
/// later 301 that changes the allocation is checked against the same figures.
/// </summary>
[GenerateSerializer]
public sealed class AllocationUsage
{
    /// <summary>Net GeleverdVolume per service month and Eenheid as declared. Entries that net to zero are removed.</summary>
    [Id(0)]
    public Dictionary<UsageBucket, long> Volumes { get; init; } = new();

    /// <summary>Net IngediendBedrag per service month (eurocent). Entries that net to zero are removed.</summary>
    [Id(1)]
    public Dictionary<ServiceMonth, long> AmountCents { get; init; } = new();

    /// <summary>The tariff of the latest debit line that carried one: the allocation's own price for the forecast.</summary>
    [Id(2)]
    public Tariff? LastTariff { get; set; }

    /// <summary>Adds a debit or takes back a credit. Every line counts, whatever its findings.</summary>
    public void Record(DeclarationLineFacts line)
    {
        var month = line.ServiceMonth;
        AddTo(Volumes, new UsageBucket(month, line.Eenheid), line.Sign * line.GeleverdVolume);
        AddTo(AmountCents, month, line.Sign * line.AmountCents);
        if (!line.IsCredit && line.TariffCents is { } tariff)
            LastTariff = new Tariff(tariff, line.Eenheid);
    }

    public long TotalAmountCents => AmountCents.Values.Sum();

    public long AmountCentsIn(ServiceMonth month) => AmountCents.GetValueOrDefault(month);

    /// <summary>Net volume of a month in the compare unit of <paramref name="units"/>; units that do not fit are left out.</summary>
    public long VolumeIn(ServiceMonth month, VolumeUnits units) =>
        Volumes.Where(kv => kv.Key.Month == month).Sum(kv => kv.Value * (units.LineFactor(kv.Key.Eenheid) ?? 0));

    /// <summary>Net volume over all months in the compare unit of <paramref name="units"/>; units that do not fit are left out.</summary>
    public long TotalVolume(VolumeUnits units) => Volumes.Sum(kv => kv.Value * (units.LineFactor(kv.Key.Eenheid) ?? 0));

    public IEnumerable<ServiceMonth> Months => Volumes.Keys.Select(k => k.Month).Concat(AmountCents.Keys).Distinct().Order();

    private static void AddTo<TKey>(Dictionary<TKey, long> totals, TKey key, long delta) where TKey : notnull
    {
        var total = totals.GetValueOrDefault(key) + delta;
        if (total == 0) totals.Remove(key);
        else totals[key] = total;
    }
}
