namespace SociaalDomein.Storage.Queries;

/// <summary>One declaration message's share of a contract-year total, and where the raw message can be found.</summary>
/// <param name="LoggedAt">When the ingestion worker first logged the message as accepted; null if the log has no entry.</param>
public sealed record ContractMessage(
    string MessageId,
    string DeclaratieNummer,
    DateOnly Dagtekening,
    long LineCount,
    long AmountCents,
    string SourceTopic,
    int SourcePartition,
    long SourceOffset,
    DateTimeOffset? LoggedAt);
