namespace SociaalDomein.Messages.Model;

/// <summary>Which legacy 303 a message is: a declaratie (303D, corrected by replacing it) or a factuur (303F, corrected only by a credit invoice).</summary>
public enum DeclaratieFactuurSoort
{
    Declaratie,
    Factuur,
}

/// <summary>
/// A legacy 303 (releases 2.x): a provider's declaration (303D) or invoice (303F) for a period, for many clients.
/// Its lines have the same meaning as a 323's, so they use <see cref="DeclaratieClient"/> and <see cref="Prestatie"/>.
/// </summary>
public sealed record DeclaratieFactuurMessage(Standard Standard, MessageHeader Header, DeclaratieFactuur Declaratie)
    : IstdMessage(Standard, MessageType.DeclaratieFactuur303, Header)
{
    public override bool SentByMunicipality => false;

    /// <summary>303D or 303F, from the BerichtCode.</summary>
    public DeclaratieFactuurSoort Soort =>
        BerichtCodes.TryGetType(Standard, Header.BerichtCode, out _, out var soort) && soort is { } known ? known : DeclaratieFactuurSoort.Declaratie;
}

/// <summary>A 304: the municipality's retour on a 303, repeating it with retourcodes and the awarded amounts.</summary>
/// <param name="TotaalToegekendBedragCents">Signed total awarded (RetourBedragen), when given.</param>
/// <param name="ToegekendBedragen">Signed awarded amount per prestatie, by ReferentieNummer, for the prestaties that carry one.</param>
public sealed record DeclaratieFactuurRetourMessage(
    Standard Standard,
    MessageHeader Header,
    RetourHeader Retour,
    RetourCodeMap RetourCodes,
    DeclaratieFactuur Declaratie,
    long? TotaalToegekendBedragCents,
    IReadOnlyDictionary<string, long> ToegekendBedragen)
    : RetourMessage(Standard, MessageType.DeclaratieFactuurRetour304, Header, Retour, RetourCodes)
{
    public override bool SentByMunicipality => true;
}

/// <summary>The declaration or invoice data of a 303 (also repeated in the 304).</summary>
/// <param name="TotaalBedragCents">Σ debit − Σ credit over all prestaties, signed, in eurocent.</param>
public sealed record DeclaratieFactuur(
    string DeclaratieFactuurNummer,
    DateOnly PeriodeBegin,
    DateOnly PeriodeEinde,
    DateOnly Dagtekening,
    long TotaalBedragCents,
    IReadOnlyList<DeclaratieClient> Clients)
{
    /// <summary>All prestaties of all clients, in message order.</summary>
    public IEnumerable<(DeclaratieClient Client, Prestatie Prestatie)> Lines =>
        Clients.SelectMany(c => c.Prestaties.Select(p => (c, p)));
}
