namespace SociaalDomein.Messages.Model;

/// <summary>A 323 Declaratie: one month's claim of a provider to a municipality, for many clients.</summary>
/// <param name="TotaalIngediendBedragCents">Σ debit − Σ credit over all prestaties, signed, in eurocent.</param>
public sealed record DeclaratieMessage(
    Standard Standard,
    MessageHeader Header,
    string DeclaratieNummer,
    DateOnly PeriodeBegin,
    DateOnly PeriodeEinde,
    DateOnly DeclaratieDagtekening,
    long TotaalIngediendBedragCents,
    IReadOnlyList<DeclaratieClient> Clients)
    : IstdMessage(Standard, MessageType.Declaratie323, Header)
{
    public override bool SentByMunicipality => false;

    /// <summary>All prestaties of all clients, in message order.</summary>
    public IEnumerable<(DeclaratieClient Client, Prestatie Prestatie)> Lines =>
        Clients.SelectMany(c => c.Prestaties.Select(p => (c, p)));
}

/// <summary>One client in a declaration with the delivered care (prestaties).</summary>
public sealed record DeclaratieClient(Bsn Bsn, IReadOnlyList<Prestatie> Prestaties);

/// <summary>One declared line: care delivered under one allocation in one period.</summary>
/// <param name="ReferentieNummer">Unique per (provider, standard); 1–20 characters.</param>
/// <param name="VorigReferentieNummer">On a credit: the ReferentieNummer of the debit it cancels.</param>
/// <param name="ProductTariefCents">Tariff per unit in eurocent; absent when Eenheid is 83 (euro's).</param>
/// <param name="IngediendBedragCents">Unsigned amount in eurocent; the sign is <paramref name="DebetCredit"/>.</param>
public sealed record Prestatie(
    string ReferentieNummer,
    string? VorigReferentieNummer,
    long ToewijzingNummer,
    string ProductCategorie,
    string ProductCode,
    DateOnly ProductPeriodeBegin,
    DateOnly ProductPeriodeEinde,
    long GeleverdVolume,
    string Eenheid,
    long? ProductTariefCents,
    long IngediendBedragCents,
    DebetCredit DebetCredit)
{
    /// <summary>The amount with its sign: positive for debit, negative for credit.</summary>
    public long SignedAmountCents => DebetCredit == DebetCredit.Credit ? -IngediendBedragCents : IngediendBedragCents;
}
