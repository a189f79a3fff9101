namespace SociaalDomein.Storage.Queries;

/// <summary>Message traffic over a period: what was accepted and what was set aside.</summary>
/// <param name="AcceptedMessages">Distinct message identities accepted (a resent message counts once).</param>
/// <param name="AcceptedRecords">Kafka records accepted, resends included.</param>
/// <param name="DeadLettered">Kafka records set aside on the dead-letter topic.</param>
/// <param name="AcceptedLines">Prestaties in the accepted records, as the worker counted them.</param>
public sealed record TrafficSummary(long AcceptedMessages, long AcceptedRecords, long DeadLettered, long AcceptedLines, DateTimeOffset? LastLoggedAt);

/// <summary>How many records one validation rule set aside, with one of the explanations (they never carry a BSN).</summary>
public sealed record DeadLetterRuleCount(string Rule, long Count, string ExampleReason, DateTimeOffset LastAt);

/// <summary>Accepted traffic of one provider.</summary>
public sealed record ProviderTraffic(string ProviderAgb, long AcceptedMessages, long AcceptedRecords, long Lines, DateTimeOffset LastAt);

/// <summary>One dead-lettered record: where it lies on the input topic and why it was refused.</summary>
public sealed record DeadLetter(string SourceTopic, int SourcePartition, long SourceOffset, string Reason, string? Rule, string? Element, DateTimeOffset LoggedAt);

/// <summary>Line signals (findings about declaration lines checked across messages) of one provider and rule.</summary>
/// <param name="Open">Signals not yet resolved (e.g. a line still without an allocation).</param>
/// <param name="Resolved">Signals resolved later (e.g. the allocation arrived after the declaration).</param>
public sealed record ProviderSignals(string ProviderAgb, string Rule, long Open, long Resolved, DateTimeOffset LastOpenedAt);
