namespace SociaalDomein.Storage.Queries;

/// <summary>The other half of a debit/credit pair: enough to find it and see what it did to the total.</summary>
/// <param name="ReceivedDay">The Dutch day its message was received; null if the message has no receipt.</param>
public sealed record LinkedLine(long Sequence, string ReferentieNummer, string MessageId, long AmountCents, DateOnly? ReceivedDay);
