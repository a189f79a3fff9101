namespace SociaalDomein.Storage.Queries;

/// <summary>A declaration message's share of a total: when it was received and where the raw message lies.</summary>
public sealed record ExplainedMessage(
    string MessageId,
    string DeclaratieNummer,
    DateOnly Dagtekening,
    DateTimeOffset ReceivedAt,
    DateOnly ReceivedDay,
    long LineCount,
    long AmountCents,
    string SourceTopic,
    int SourcePartition,
    long SourceOffset);
