namespace SociaalDomein.Monitoring.Ledger;

/// <summary>What a contract grain needs of a stored ledger line to keep its totals: its position and amount.</summary>
/// <param name="Sequence">Ledger position, increasing per contract in the order lines were stored.</param>
[GenerateSerializer, Immutable]
public sealed record LedgerEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] int Year,
    [property: Id(2)] string ProductCategorie,
    [property: Id(3)] long AmountCents,
    [property: Id(4)] string MessageId);
