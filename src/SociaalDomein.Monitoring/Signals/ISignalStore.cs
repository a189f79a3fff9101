using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;

namespace SociaalDomein.Monitoring.Signals;

/// <summary>Durable line signals: open until the facts change (e.g. the missing allocation arrives), then resolved.</summary>
public interface ISignalStore
{
    /// <summary>
    /// Makes the open allocation-rule signals (<see cref="SignalRules.AllocationRules"/>) of the given lines exactly
    /// <paramref name="current"/>: new ones are opened, ones no longer found are resolved, unchanged ones are left alone.
    /// </summary>
    Task ReplaceAllocationSignalsAsync(ContractKey contract, Standard standard, IReadOnlyCollection<string> referentieNummers,
        IReadOnlyList<LineSignal> current, CancellationToken cancellationToken = default);

    /// <summary>Records findings of the within-message rules (level 2); a finding already recorded is left as it is.</summary>
    Task RecordMessageFindingsAsync(IReadOnlyList<LineSignal> findings, CancellationToken cancellationToken = default);

    /// <summary>Open signals per provider, municipality and rule.</summary>
    Task<IReadOnlyList<SignalCount>> CountOpenAsync(CancellationToken cancellationToken = default);

    /// <summary>The open signals of one line, for drill-down.</summary>
    Task<IReadOnlyList<LineSignal>> GetOpenForLineAsync(string providerAgb, Standard standard, string referentieNummer,
        CancellationToken cancellationToken = default);
}

/// <summary>Number of open signals of one rule for one contract.</summary>
public sealed record SignalCount(string MunicipalityCode, string ProviderAgb, string Rule, long Count);
