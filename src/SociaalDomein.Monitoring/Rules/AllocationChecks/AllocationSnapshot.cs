using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Allocations;
using SociaalDomein.Monitoring.Rules.Calendar;

namespace SociaalDomein.Monitoring.Rules.AllocationChecks;

/// <summary>
/// What the rules need to know of the current version of one allocation (toewijzing), with its start/stop status.
/// </summary>
/// <param name="ProductCategorie">null for a generic allocation (no category is checked).</param>
/// <param name="ProductCode">null for an aspecific allocation (no code is checked).</param>
/// <param name="Volume">With <paramref name="Eenheid"/> and <paramref name="Frequentie"/>: the Omvang; null when budget-based or aspecific.</param>
/// <param name="BudgetCents">The Budget, when the allocation is budget-based (exclusive with Omvang).</param>
/// <param name="Deleted">RedenWijziging 13: declaring on it is refused (9384).</param>
/// <param name="DefinitiveStopDate">Einddatum of the provider's 307 that ended the care for good (not a temporary stop).</param>
/// <param name="ClientPseudonym">The client's pseudonym, when known: a line of another client is refused (8187).</param>
[GenerateSerializer, Immutable]
public sealed record AllocationSnapshot(
    [property: Id(0)] Standard Standard,
    [property: Id(1)] long ToewijzingNummer,
    [property: Id(2)] string? ProductCategorie,
    [property: Id(3)] string? ProductCode,
    [property: Id(4)] DateOnly Ingangsdatum,
    [property: Id(5)] DateOnly? Einddatum,
    [property: Id(6)] long? Volume,
    [property: Id(7)] string? Eenheid,
    [property: Id(8)] string? Frequentie,
    [property: Id(9)] long? BudgetCents,
    [property: Id(10)] bool Deleted = false,
    [property: Id(11)] DateOnly? DefinitiveStopDate = null,
    [property: Id(12)] string? ClientPseudonym = null,
    [property: Id(13)] Uitvoeringsvariant Uitvoeringsvariant = Uitvoeringsvariant.Inspanningsgericht)
{
    /// <summary>True when the allocation grants a volume (Volume × Eenheid per Frequentie).</summary>
    public bool HasOmvang => Volume is not null && Eenheid is not null && Frequentie is not null;

    /// <summary>
    /// The allocation period as far as it is known: up to Einddatum, or up to <paramref name="openEnd"/> when it has none
    /// (never shorter than its Ingangsdatum, so an Einddatum before it is read as one day).
    /// </summary>
    public DatePeriod PeriodUntil(DateOnly openEnd)
    {
        var end = Einddatum ?? openEnd;
        return new(Ingangsdatum, end < Ingangsdatum ? Ingangsdatum : end);
    }

    /// <summary>The last day care can be delivered under it: Einddatum or the definitive stop, whichever is earlier.</summary>
    public DateOnly? LastCareDay =>
        (Einddatum, DefinitiveStopDate) switch
        {
            ({ } end, { } stop) => end < stop ? end : stop,
            ({ } end, null) => end,
            (null, { } stop) => stop,
            _ => null,
        };

    /// <summary>The rules' view of an allocation version kept by the allocation grain.</summary>
    public static AllocationSnapshot From(
        AllocationVersion version,
        DateOnly? definitiveStopDate = null,
        Uitvoeringsvariant uitvoeringsvariant = Uitvoeringsvariant.Inspanningsgericht) =>
        new(version.Standard, version.ToewijzingNummer, version.ProductCategorie, version.ProductCode, version.Ingangsdatum,
            version.Einddatum, version.Volume, version.Eenheid, version.Frequentie, version.BudgetCents, version.Deleted,
            definitiveStopDate, version.ClientPseudonym, uitvoeringsvariant);
}
