namespace SociaalDomein.Storage.Queries;

/// <summary>
/// Something a provider may think is in a total but is not: a line refused because its ReferentieNummer was already
/// declared (<see cref="NotCountedKinds.DuplicateReferentie"/>), or a whole record dead-lettered because it could not be
/// read (<see cref="NotCountedKinds.DeadLettered"/>).
/// </summary>
/// <param name="MessageId">The message; null for a dead-lettered record (it could not be read).</param>
/// <param name="ReferentieNummer">The refused line; null for a dead-lettered record.</param>
/// <param name="Rule">The signal rule or the validation rule.</param>
/// <param name="At">When it was recorded.</param>
public sealed record NotCounted(
    string Kind,
    string? MessageId,
    string? ReferentieNummer,
    string? MunicipalityCode,
    string? ProviderAgb,
    string Rule,
    string Explanation,
    DateTimeOffset At,
    string? SourceTopic,
    int? SourcePartition,
    long? SourceOffset);
