namespace SociaalDomein.Monitoring.Ledger;

/// <summary>A line as stored in the ledger, with its ledger position.</summary>
/// <param name="Sequence">Ledger position, increasing per contract in the order lines were stored.</param>
[GenerateSerializer, Immutable]
public sealed record LedgerEntry([property: Id(0)] long Sequence, [property: Id(1)] DeclarationLine Line)
{
    public int Year => Line.Year;
    public string ProductCategorie => Line.ProductCategorie;
    public long AmountCents => Line.AmountCents;
    public string MessageId => Line.MessageId;
}
