using SociaalDomein.Messages.Model;

namespace SociaalDomein.Monitoring.Allocations;

/// <summary>
/// One version of an allocation (toewijzing) as sent in a 301. The current version is the one with the latest
/// Toewijzingsdatum + Toewijzingstijd; a version with RedenWijziging 13 deletes the allocation.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AllocationVersion(
    [property: Id(0)] Standard Standard,
    [property: Id(1)] string MunicipalityCode,
    [property: Id(2)] string ProviderAgb,
    [property: Id(3)] long ToewijzingNummer,
    [property: Id(4)] string ClientPseudonym,
    [property: Id(5)] string? ProductCategorie,
    [property: Id(6)] string? ProductCode,
    [property: Id(7)] DateOnly Toewijzingsdatum,
    [property: Id(8)] TimeOnly Toewijzingstijd,
    [property: Id(9)] DateOnly Ingangsdatum,
    [property: Id(10)] DateOnly? Einddatum,
    [property: Id(11)] bool Deleted,
    [property: Id(12)] long? Volume,
    [property: Id(13)] string? Eenheid,
    [property: Id(14)] string? Frequentie,
    [property: Id(15)] long? BudgetCents,
    [property: Id(16)] string MessageId)
{
    /// <summary>RedenWijziging code that means "deleted: treat as never sent".</summary>
    public const string RedenWijzigingVerwijderd = "13";

    /// <summary>Within a contract, standard and allocation number identify an allocation.</summary>
    public (Standard Standard, long ToewijzingNummer) Key => (Standard, ToewijzingNummer);

    /// <summary>True when this version replaces <paramref name="other"/> (a later allocation date and time).</summary>
    public bool IsNewerThan(AllocationVersion other) =>
        Toewijzingsdatum.ToDateTime(Toewijzingstijd) > other.Toewijzingsdatum.ToDateTime(other.Toewijzingstijd);
}
