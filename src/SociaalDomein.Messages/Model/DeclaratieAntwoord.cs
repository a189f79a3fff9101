namespace SociaalDomein.Messages.Model;

/// <summary>
/// A 325 Declaratie-antwoord: the municipality's verdict on a 323. It lists only the rejected prestaties with their
/// retourcodes; a fully approved declaration carries retourcode 8001 and no clients.
/// </summary>
/// <param name="DeclaratieIdentificatie">The BerichtIdentificatie of the 323 this answers.</param>
/// <param name="XsdVersieDeclaratie">The XSD versions the 323 was made with.</param>
/// <param name="RetourCodes">Retourcodes on the header.</param>
/// <param name="Antwoord">Absent when the 323 was refused as a whole (retourcode on the header).</param>
public sealed record DeclaratieAntwoordMessage(
    Standard Standard,
    MessageHeader Header,
    MessageIdentity DeclaratieIdentificatie,
    string? XsltVersie,
    XsdVersie XsdVersieDeclaratie,
    IReadOnlyList<string> RetourCodes,
    DeclaratieAntwoord? Antwoord)
    : IstdMessage(Standard, MessageType.DeclaratieAntwoord325, Header)
{
    public override bool SentByMunicipality => true;

    /// <summary>Identity of the 323 this answers: the provider and the 323's BerichtIdentificatie.</summary>
    public MessageKey OriginalMessageKey => new(Standard, MessageType.Declaratie323, ProviderAgb, DeclaratieIdentificatie.Identificatie);

    /// <summary>True when the declaration was approved as a whole (retourcode 8001 on the answer).</summary>
    public bool FullyApproved => Antwoord is { } antwoord && antwoord.RetourCodes.Contains(Validation.StandardRetourCodes.DeclaratieVolledigToegewezen);

    /// <summary>All rejected prestaties of all clients, in message order.</summary>
    public IEnumerable<(DeclaratieAntwoordClient Client, DeclaratieAntwoordPrestatie Prestatie)> RejectedLines =>
        (Antwoord?.Clienten ?? []).SelectMany(c => c.Prestaties.Select(p => (c, p)));
}

/// <summary>The answer: totals as submitted and as awarded, and the rejected lines.</summary>
/// <param name="TotaalIngediendBedragCents">Signed total as submitted in the 323 (negative for credit).</param>
/// <param name="TotaalToegekendBedragCents">Signed total the municipality awards.</param>
public sealed record DeclaratieAntwoord(
    string DeclaratieNummer,
    long TotaalIngediendBedragCents,
    long TotaalToegekendBedragCents,
    IReadOnlyList<DeclaratieAntwoordClient> Clienten,
    IReadOnlyList<string> RetourCodes);

/// <summary>A client with rejected prestaties.</summary>
public sealed record DeclaratieAntwoordClient(Bsn Bsn, IReadOnlyList<DeclaratieAntwoordPrestatie> Prestaties, IReadOnlyList<string> RetourCodes);

/// <summary>A rejected prestatie as submitted, with the reasons (e.g. 9338 no matching allocation).</summary>
public sealed record DeclaratieAntwoordPrestatie(Prestatie Prestatie, IReadOnlyList<string> RetourCodes);
